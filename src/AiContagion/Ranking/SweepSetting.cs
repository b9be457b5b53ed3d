using System.Collections.Immutable;

namespace AiContagion.Ranking;

/// <summary>One point of a <see cref="RankingSweep"/> grid: the parameter values and the ranking they give.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SweepSetting
{
    internal SweepSetting(int index, ImmutableArray<SweepValue> values, RankingResult ranking)
    {
        Index = index;
        Values = values;
        Ranking = ranking;
    }

    /// <summary>0-based position in the grid (the last axis varies fastest).</summary>
    public int Index { get; }

    /// <summary>The value of each swept parameter, in axis order.</summary>
    public ImmutableArray<SweepValue> Values { get; }

    /// <summary>The ranking at this point.</summary>
    public RankingResult Ranking { get; }

    /// <summary>The values joined, e.g. <c>default-tolerance=0.1, recovery=0</c>.</summary>
    public string Label => string.Join(", ", Values);

    /// <summary>The value of one parameter at this point.</summary>
    /// <param name="parameter">A swept parameter.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">The parameter is not swept.</exception>
    public double Value(SweepParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        foreach (var value in Values)
        {
            if (ReferenceEquals(value.Parameter, parameter))
            {
                return value.Value;
            }
        }

        throw new ArgumentException($"{parameter.Name} is not swept.", nameof(parameter));
    }

    /// <summary>The label and the first entry.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => Label + (Ranking.Entries.IsEmpty ? ": no candidate" : ": " + Ranking.Entries[0]);
}
