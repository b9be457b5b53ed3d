using System.Collections.Immutable;
using AiContagion.Cascades;
using AiContagion.Model;

namespace AiContagion.Ranking;

/// <summary>
/// A sensitivity sweep of the withdrawal ranking: runs <see cref="WithdrawalRanking"/> at every point of a grid of
/// assumptions (the cross product of the axes) and measures how stable the ranking is between points.
/// </summary>
/// <remarks>
/// <para><b>Why.</b> On sparse real data most entities have no cash or capital figure, so documented defaults decide
/// who fails: the default tolerance decides liquidity failures, recovery rates and the default capital decide credit
/// losses. A conclusion worth stating holds across a reasonable grid of those assumptions; the sweep shows which do.</para>
/// <para><b>Grid.</b> The axes' cross product in the given order, the last axis varying fastest (as nested loops).
/// Each point starts from <see cref="RankingSweepOptions.ModelSettings"/> and <see cref="RankingSweepOptions.Ranking"/>,
/// sets its swept values (<see cref="SweepParameter"/>), builds the model with <see cref="CascadeModels.Create"/> and
/// ranks. Every pair of points is compared by <see cref="RankingStability"/> (top-k overlap and Kendall's τ-b).</para>
/// <para><b>Direction.</b> As the ranking and the model: a withdrawal stops the candidate's outgoing links; the model
/// walks links its own way.</para>
/// <para><b>Cost.</b> p points × one ranking each (each prepared once; candidates in parallel), plus p(p−1)/2
/// comparisons of O(c log c) for c candidates. Points run one after another; the result does not depend on the
/// thread count. Immutable; <see cref="Run"/> may be called from several threads.</para>
/// </remarks>
public sealed class RankingSweep
{
    /// <summary>Creates a sweep.</summary>
    /// <param name="model">The model ranked at every point.</param>
    /// <param name="axes">The parameters and their values (at least one axis; each parameter once).</param>
    /// <param name="options">Base settings and k; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="axes"/> or an axis is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Unknown model, a value out of range, or an option out of range.</exception>
    /// <exception cref="ArgumentException">No axis, a parameter swept twice, a value given twice, a parameter the model
    /// does not read, <see cref="SweepParameter.WithdrawalFraction"/> with the fail shock, or greedy mode.</exception>
    public RankingSweep(CascadeModelKind model, IEnumerable<SweepAxis> axes, RankingSweepOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(axes);
        if (!Enum.IsDefined(model))
        {
            throw new ArgumentOutOfRangeException(nameof(model), model, "Unknown cascade model.");
        }

        Model = model;
        Options = options ?? new RankingSweepOptions();
        Options.Validate();
        Axes = [.. axes];
        if (Axes.IsEmpty)
        {
            throw new ArgumentException("A sweep needs at least one axis.", nameof(axes));
        }

        var seen = new HashSet<SweepParameter>();
        foreach (var axis in Axes)
        {
            ArgumentNullException.ThrowIfNull(axis, nameof(axes));
            axis.Validate();
            if (!seen.Add(axis.Parameter))
            {
                throw new ArgumentException($"{axis.Parameter.Name} is swept twice; give all its values in one axis.", nameof(axes));
            }

            if (!axis.Parameter.AppliesTo(model))
            {
                throw new ArgumentException(
                    $"The {CascadeModels.CommandName(model)} model does not read {axis.Parameter.Name} (read by {string.Join(", ", axis.Parameter.Models.Select(CascadeModels.CommandName))}).",
                    nameof(axes));
            }

            if (ReferenceEquals(axis.Parameter, SweepParameter.WithdrawalFraction) && Options.Ranking.Shock != CandidateShock.Withdraw)
            {
                throw new ArgumentException("The withdrawal fraction only applies to the withdraw shock.", nameof(axes));
            }
        }

        Points = Grid(Axes);
        foreach (var point in Points)
        {
            // Build every point's model and ranking now, so a bad combination fails here, not after hours of runs.
            _ = Configure(point);
        }
    }

    /// <summary>The model ranked at every point.</summary>
    public CascadeModelKind Model { get; }

    /// <summary>The axes, in the given order.</summary>
    public ImmutableArray<SweepAxis> Axes { get; }

    /// <summary>The options.</summary>
    public RankingSweepOptions Options { get; }

    /// <summary>The grid points in run order (the last axis varies fastest); each lists one value per axis.</summary>
    public ImmutableArray<ImmutableArray<SweepValue>> Points { get; }

    /// <summary>Runs the ranking at every grid point and compares every pair of points.</summary>
    /// <param name="network">The network (not changed).</param>
    /// <param name="progress">Receives progress over all points' runs (from worker threads); may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the sweep.</param>
    /// <returns>The rankings per point and their stability.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A given candidate id is unknown or repeated, or the model refuses the candidate shock.</exception>
    /// <exception cref="CascadeConvergenceException">A run did not converge.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public RankingSweepResult Run(FinancingNetwork network, IProgress<RankingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        var settings = ImmutableArray.CreateBuilder<SweepSetting>(Points.Length);
        var offset = 0;
        for (var i = 0; i < Points.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (model, rankingOptions) = Configure(Points[i]);
            var pointProgress = progress is null ? null : new OffsetProgress(progress, offset, Points.Length);
            var ranking = new WithdrawalRanking(model, rankingOptions).Rank(network, pointProgress, cancellationToken);
            offset += ranking.Runs;
            settings.Add(new SweepSetting(i, Points[i], ranking));
        }

        var stability = ImmutableArray.CreateBuilder<RankingStability>(Points.Length * (Points.Length - 1) / 2);
        for (var a = 0; a < settings.Count; a++)
        {
            for (var b = a + 1; b < settings.Count; b++)
            {
                stability.Add(RankingStability.Compare(settings[a].Ranking, settings[b].Ranking, Options.TopK) with { A = a, B = b });
            }
        }

        return new RankingSweepResult(network, CascadeModels.CommandName(Model), Axes, Options, settings.MoveToImmutable(), stability.MoveToImmutable());
    }

    private (ICascadeModel Model, WithdrawalRankingOptions Ranking) Configure(ImmutableArray<SweepValue> point)
    {
        var settings = Options.ModelSettings;
        var ranking = Options.Ranking;
        foreach (var value in point)
        {
            (settings, ranking) = value.Parameter.Apply(value.Value, settings, ranking);
        }

        ranking.Validate();
        return (CascadeModels.Create(Model, settings), ranking);
    }

    private static ImmutableArray<ImmutableArray<SweepValue>> Grid(ImmutableArray<SweepAxis> axes)
    {
        IEnumerable<ImmutableArray<SweepValue>> points = [[]];
        foreach (var axis in axes)
        {
            var current = axis;
            points = points.SelectMany(prefix => current.Values.Select(v => prefix.Add(new SweepValue(current.Parameter, v)))).ToList();
        }

        return [.. points];
    }

    /// <summary>Reports a point's progress as progress over the whole sweep (every point has as many runs as the first).</summary>
    private sealed class OffsetProgress(IProgress<RankingProgress> inner, int offset, int points) : IProgress<RankingProgress>
    {
        public void Report(RankingProgress value) => inner.Report(new RankingProgress(offset + value.Completed, value.Total * points));
    }
}
