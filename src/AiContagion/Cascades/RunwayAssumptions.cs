using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Cascades;

/// <summary>
/// The defaults a <see cref="RunwayCascade"/> run relied on, for every output to state: links paid by the undated
/// defaults, links whose payments start at <c>asOf</c> for want of a month, and the entities whose cash comes from the
/// unknown-cash rule.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record RunwayAssumptions
{
    private RunwayAssumptions()
    {
    }

    /// <summary>The network's <c>asOf</c> month (month 1), or <see langword="null"/> when it has none (then nothing is dated and month 1 is "now").</summary>
    public CalendarMonth? AsOf { get; private init; }

    /// <summary>Claims (rounds, loans, bonds) with neither <c>termYears</c> nor <c>schedule</c>: paid once, in their start month.</summary>
    public int UndatedClaims { get; private init; }

    /// <summary>Commercial links with neither <c>termYears</c> nor <c>schedule</c>: paid evenly over <see cref="DefaultTermMonths"/> months.</summary>
    public int UndatedContracts { get; private init; }

    /// <summary>Months over which an undated commercial link is paid (12 × <see cref="RunwayOptions.DefaultTermYears"/>).</summary>
    public double DefaultTermMonths { get; private init; }

    /// <summary>Links with neither <c>start</c> nor a <c>date</c> that reads as a month: their payments start in month 1 (the asOf month).</summary>
    public int LinksWithoutStart { get; private init; }

    /// <summary>The rule that gives an entity without a cash figure its cash.</summary>
    public UnknownCashRule UnknownCashRule { get; private init; }

    /// <summary>The rule as the command line writes it (<c>tolerance</c>, <c>months-of-costs:3</c>, ...).</summary>
    public string UnknownCashRuleText { get; private init; } = string.Empty;

    /// <summary>The entities that rely on the rule (no cash figure, not a funding source), in network order.</summary>
    public ImmutableArray<string> UnknownCash { get; private init; } = [];

    /// <summary>The defaults in words, one line each (empty when the run relied on none), as every output prints them.</summary>
    public ImmutableArray<string> Notes { get; private init; } = [];

    internal static RunwayAssumptions Create(RunwayOptions options, CalendarMonth? asOf, int undatedClaims, int undatedContracts, int withoutStart, ImmutableArray<string> unknownCash)
    {
        var notes = ImmutableArray.CreateBuilder<string>();
        var termMonths = 12.0 * options.DefaultTermYears;
        if (undatedClaims + undatedContracts > 0)
        {
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{undatedClaims + undatedContracts} links undated (no termYears or schedule): {undatedClaims} claims paid once in their start month, {undatedContracts} contracts over {termMonths:0.##} months"));
        }

        if (withoutStart > 0)
        {
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{withoutStart} links without start or a dated date: payments start in month 1 ({(asOf is { } month ? "the asOf month, " + month : "no asOf: month 1 is now")})"));
        }

        if (!unknownCash.IsEmpty)
        {
            const int shown = 10;
            var list = string.Join(", ", unknownCash.Take(shown)) + (unknownCash.Length > shown ? string.Create(CultureInfo.InvariantCulture, $" and {unknownCash.Length - shown} more") : string.Empty);
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{unknownCash.Length} entities without a cash figure take the unknown-cash rule {options.UnknownCashText()}: {list}"));
        }

        return new RunwayAssumptions
        {
            AsOf = asOf,
            UndatedClaims = undatedClaims,
            UndatedContracts = undatedContracts,
            DefaultTermMonths = termMonths,
            LinksWithoutStart = withoutStart,
            UnknownCashRule = options.UnknownCash,
            UnknownCashRuleText = options.UnknownCashText(),
            UnknownCash = unknownCash,
            Notes = notes.ToImmutable(),
        };
    }
}
