using System.Collections.Immutable;
using System.Globalization;

namespace AiContagion.Ranking;

/// <summary>One axis of a <see cref="RankingSweep"/> grid: a parameter and the values it takes, in the given order.</summary>
/// <remarks>Immutable; checked by <see cref="RankingSweep"/> (at least one value, each in range, none repeated).</remarks>
public sealed record SweepAxis
{
    /// <summary>Creates an axis.</summary>
    /// <param name="parameter">The parameter.</param>
    /// <param name="values">Its values, in the order the sweep runs them.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public SweepAxis(SweepParameter parameter, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(values);
        Parameter = parameter;
        Values = [.. values];
    }

    /// <summary>The parameter.</summary>
    public SweepParameter Parameter { get; }

    /// <summary>The values, in order.</summary>
    public ImmutableArray<double> Values { get; }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">No value, a value out of range, or a value given twice.</exception>
    public void Validate()
    {
        if (Values.IsDefaultOrEmpty)
        {
            throw new ArgumentException($"The sweep of {Parameter.Name} has no value.", nameof(Values));
        }

        var seen = new HashSet<double>();
        foreach (var value in Values)
        {
            if (!Parameter.IsValid(value))
            {
                throw new ArgumentOutOfRangeException(nameof(Values), value, $"A {Parameter.Name} value must lie in {Parameter.RangeText()}.");
            }

            if (!seen.Add(value))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The sweep of {Parameter.Name} gives {Parameter.FormatValue(value)} twice."), nameof(Values));
            }
        }
    }

    /// <inheritdoc/>
    public bool Equals(SweepAxis? other) => other is not null && ReferenceEquals(Parameter, other.Parameter) && Values.SequenceEqual(other.Values);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Parameter, Values.Length);

    /// <summary>The axis as the command line writes it, e.g. <c>default-tolerance=0.1,0.25,0.5</c>.</summary>
    /// <returns>The text, invariant culture.</returns>
    public override string ToString() => Parameter.Name + "=" + string.Join(",", Values.Select(Parameter.FormatValue));
}
