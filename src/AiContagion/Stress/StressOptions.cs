using System.Collections.Immutable;
using AiContagion.Cascades;
using AiContagion.Model;

namespace AiContagion.Stress;

/// <summary>Options of a <see cref="StressTest"/>: how many trials, which entities may withdraw and how likely, how correlated, and any external-asset shock.</summary>
/// <remarks>
/// <para><b>Who is at risk, with which probability p.</b> For each entity, in this order of precedence: its entry in
/// <see cref="EntityProbabilities"/>; else its sector's entry in <see cref="SectorProbabilities"/>; else, for a funding
/// source, <see cref="DefaultProbability"/>; else it never withdraws. So a sector entry puts every entity of that
/// sector at risk (a funder sector's entities are funding sources anyway), and an entity entry may name any entity.
/// Entities with p = 0 are left out of the draw.</para>
/// <para>Immutable; validated when a <see cref="StressTest"/> is created.</para>
/// </remarks>
public sealed record StressOptions
{
    /// <summary>The largest number of trials: each trial keeps about 20 bytes of results.</summary>
    public const int MaximumTrials = 50_000_000;

    /// <summary>Number of Monte Carlo trials. Default 10,000. From 1 to <see cref="MaximumTrials"/>.</summary>
    public int Trials { get; init; } = 10_000;

    /// <summary>Seed of every random draw; the result depends on it and on nothing else (not on the thread count). Default 1.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Probability in [0, 1] that each funding source withdraws in a trial, unless an entity or sector entry says otherwise. Default 0.1.</summary>
    public double DefaultProbability { get; init; } = 0.1;

    /// <summary>Probability in [0, 1] per sector, for every entity of the sector without its own entry. Default empty.</summary>
    public ImmutableDictionary<Sector, double> SectorProbabilities { get; init; } = ImmutableDictionary<Sector, double>.Empty;

    /// <summary>Probability in [0, 1] per entity id (any entity). Default empty. Unknown ids are an error when the test runs.</summary>
    public ImmutableDictionary<string, double> EntityProbabilities { get; init; } = ImmutableDictionary.Create<string, double>(StringComparer.Ordinal);

    /// <summary>
    /// Correlation ρ in [0, 1] of the latent variables of the one-factor Gaussian copula (see <see cref="StressTest"/>):
    /// 0 (the default) draws each entity independently, 1 makes entities with equal p withdraw all together or not at all.
    /// </summary>
    public double Correlation { get; init; }

    /// <summary>How a drawn entity is shocked. Default <see cref="CandidateShock.Withdraw"/>; <see cref="CandidateShock.Fail"/> for solvency, clearing and DebtRank models.</summary>
    public CandidateShock Shock { get; init; } = CandidateShock.Withdraw;

    /// <summary>The share in (0, 1] of its outgoing links a withdrawing entity stops. Default 1.</summary>
    public double WithdrawalFraction { get; init; } = 1.0;

    /// <summary>A random external-asset loss in every trial, or <see langword="null"/> (the default) for none.</summary>
    public ExternalAssetShock? ExternalShock { get; init; }

    /// <summary>The most trials at once; −1 (the default) for one per processor. The result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Trials, 1, nameof(Trials));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Trials, MaximumTrials, nameof(Trials));
        Probability(DefaultProbability, nameof(DefaultProbability));
        ArgumentNullException.ThrowIfNull(SectorProbabilities, nameof(SectorProbabilities));
        ArgumentNullException.ThrowIfNull(EntityProbabilities, nameof(EntityProbabilities));
        foreach (var (sector, p) in SectorProbabilities)
        {
            if (!Enum.IsDefined(sector))
            {
                throw new ArgumentOutOfRangeException(nameof(SectorProbabilities), sector, "Unknown sector.");
            }

            Probability(p, nameof(SectorProbabilities));
        }

        foreach (var (id, p) in EntityProbabilities)
        {
            ArgumentNullException.ThrowIfNull(id, nameof(EntityProbabilities));
            Probability(p, nameof(EntityProbabilities));
        }

        Probability(Correlation, nameof(Correlation));
        if (!Enum.IsDefined(Shock))
        {
            throw new ArgumentOutOfRangeException(nameof(Shock), Shock, "Unknown shock.");
        }

        if (!double.IsFinite(WithdrawalFraction) || WithdrawalFraction <= 0 || WithdrawalFraction > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(WithdrawalFraction), WithdrawalFraction, "The withdrawal fraction must lie in (0, 1].");
        }

        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Use −1 (one per processor) or a positive number.");
        }
    }

    private static void Probability(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(name, value, "A probability must lie in [0, 1].");
        }
    }
}
