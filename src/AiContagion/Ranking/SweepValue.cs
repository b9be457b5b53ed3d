using System.Globalization;

namespace AiContagion.Ranking;

/// <summary>A parameter's value at one point of a <see cref="RankingSweep"/> grid.</summary>
/// <param name="Parameter">The parameter.</param>
/// <param name="Value">Its value.</param>
public readonly record struct SweepValue(SweepParameter Parameter, double Value)
{
    /// <summary>The value as the command line writes it, e.g. <c>default-tolerance=0.25</c>.</summary>
    /// <returns>The text, invariant culture.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Parameter.Name}={Parameter.FormatValue(Value)}");
}
