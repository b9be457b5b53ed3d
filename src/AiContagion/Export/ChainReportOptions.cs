using AiContagion.Cascades;
using AiContagion.Ranking;

namespace AiContagion.Export;

/// <summary>What <see cref="ChainReport.Create"/> runs and shows. Every default is documented on its property.</summary>
/// <remarks>Immutable; change one with a <c>with</c> expression.</remarks>
public sealed record ChainReportOptions
{
    /// <summary>The defaults: the funding model, library settings, no sweep, no baseline.</summary>
    public static ChainReportOptions Default { get; } = new();

    /// <summary>The models to rank with; the first one's worst cascade is replayed. Default: funding. At least one.</summary>
    public IReadOnlyList<CascadeModelKind> Models { get; init; } = [CascadeModelKind.Funding];

    /// <summary>The models' settings (default tolerance, recovery, …). Default: the library defaults.</summary>
    public CascadeModelSettings ModelSettings { get; init; } = new();

    /// <summary>Parameter axes of a sweep of the first model's ranking; empty (the default) leaves the sweep section out.</summary>
    public IReadOnlyList<SweepAxis> Sweep { get; init; } = [];

    /// <summary>Whether to add the baseline section: a runway simulation of the worst withdrawal against no withdrawal, month by month. Default <see langword="false"/>.</summary>
    public bool Baseline { get; init; }

    /// <summary>Rows of the ranking tables. Default 15; at least 1.</summary>
    public int Top { get; init; } = 15;

    /// <summary>The firm the cut and the provenance are traced to; <see langword="null"/> (the default) means <c>nvidia</c> if present, else the chip maker receiving the most through links, else the firm receiving the most.</summary>
    public string? Target { get; init; }

    /// <summary>The report's title; <see langword="null"/> uses the network's title.</summary>
    public string? Title { get; init; }

    /// <summary>Where the network was read from, for the data section, or <see langword="null"/>.</summary>
    public string? Source { get; init; }

    /// <summary>The readability rule of the pictures; default: A3, 7 pt, raising thresholds until they fit (<see cref="PictureFit.A3"/>).</summary>
    public PictureFit Fit { get; init; } = PictureFit.A3;

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentException">No model, or a value is out of range.</exception>
    public void Validate()
    {
        if (Models is null || Models.Count == 0)
        {
            throw new ArgumentException("The report needs at least one model.", nameof(Models));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Top, 1, nameof(Top));
        ArgumentNullException.ThrowIfNull(ModelSettings, nameof(ModelSettings));
        ArgumentNullException.ThrowIfNull(Sweep, nameof(Sweep));
        ArgumentNullException.ThrowIfNull(Fit, nameof(Fit));
        Fit.Validate();
    }
}
