using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Cascades;

/// <summary>
/// Recovery rate per <see cref="LinkKind"/>: the share of a claim the funder gets back when the recipient fails.
/// A claim link of amount <c>a</c> and kind <c>k</c> costs its funder <c>(1 − recovery[k]) × a</c> (docs/concepts.md#links).
/// </summary>
/// <remarks>
/// <para>The default (<see cref="Zero"/>) is 0 for every kind: the full claim is lost, as in the short-run
/// worst case of Furfine (2003) and Gai &amp; Kapadia (2010) and in the published cases. Set, for example,
/// 0.4 for the debt kinds to use Furfine's 60 % loss-given-default scenario.</para>
/// <para>Only claim kinds matter (commercial links have no solvency channel). Immutable and thread-safe; equality
/// by value.</para>
/// </remarks>
public sealed class RecoveryRates : IEquatable<RecoveryRates>
{
    private readonly double[] _rates;

    private RecoveryRates(double[] rates) => _rates = rates;

    /// <summary>Recovery 0 for every kind.</summary>
    public static RecoveryRates Zero { get; } = new(new double[LinkKindFacts.All.Count]);

    /// <summary>The same recovery for every kind.</summary>
    /// <param name="rate">The recovery rate, in [0, 1].</param>
    /// <returns>The rates.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is outside [0, 1] or not finite.</exception>
    public static RecoveryRates Uniform(double rate)
    {
        Check(rate, nameof(rate));
        var rates = new double[LinkKindFacts.All.Count];
        Array.Fill(rates, rate);
        return new RecoveryRates(rates);
    }

    /// <summary>The recovery rate of a kind.</summary>
    /// <param name="kind">The link kind.</param>
    public double this[LinkKind kind] => _rates[(int)kind];

    /// <summary>A copy with one kind's rate changed.</summary>
    /// <param name="kind">The link kind.</param>
    /// <param name="rate">The recovery rate, in [0, 1].</param>
    /// <returns>The new rates.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is outside [0, 1] or not finite.</exception>
    public RecoveryRates With(LinkKind kind, double rate)
    {
        Check(rate, nameof(rate));
        var rates = (double[])_rates.Clone();
        rates[(int)kind] = rate;
        return new RecoveryRates(rates);
    }

    /// <summary>The loss given default per kind, <c>1 − recovery</c>, indexed by <c>(int)LinkKind</c>.</summary>
    internal double[] LossGivenDefault() => [.. _rates.Select(r => 1.0 - r)];

    /// <inheritdoc/>
    public bool Equals(RecoveryRates? other) => other is not null && _rates.AsSpan().SequenceEqual(other._rates);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as RecoveryRates);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var rate in _rates)
        {
            hash.Add(rate);
        }

        return hash.ToHashCode();
    }

    /// <summary>The non-zero rates, e.g. <c>Loan=0.4, Bond=0.4</c>, or <c>all 0</c>.</summary>
    /// <returns>The description, invariant culture.</returns>
    public override string ToString()
    {
        var parts = LinkKindFacts.All.Where(k => k.IsClaim() && this[k] != 0).Select(k => string.Create(CultureInfo.InvariantCulture, $"{k}={this[k]}")).ToList();
        return parts.Count == 0 ? "all 0" : string.Join(", ", parts);
    }

    private static void Check(double rate, string name)
    {
        if (!double.IsFinite(rate))
        {
            throw new ArgumentOutOfRangeException(name, rate, "A recovery rate must be a finite number in [0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(rate, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1.0, name);
    }
}
