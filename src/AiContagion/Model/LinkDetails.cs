using System.Collections.Immutable;

namespace AiContagion.Model;

/// <summary>The optional fields of a <see cref="Link"/>, kept apart so that plain links stay small.</summary>
internal sealed record LinkDetails
{
    public static readonly LinkDetails None = new();

    public double? Low { get; init; }

    public double? High { get; init; }

    public AmountConfidence? Confidence { get; init; }

    public double? TermYears { get; init; }

    public CalendarMonth? Start { get; init; }

    public ImmutableArray<ScheduledPayment> Schedule { get; init; } = [];

    public double? Rate { get; init; }

    public CalendarMonth? Maturity { get; init; }

    public DebtSeniority? Seniority { get; init; }

    public string? Collateral { get; init; }

    public double? MaxLtv { get; init; }

    public double? Share { get; init; }

    public string? Date { get; init; }

    public string? Source { get; init; }

    public string? Note { get; init; }

    public ImmutableSortedDictionary<string, string> Attributes { get; init; } = Equality.NoAttributes;
}
