using System.Collections.Immutable;
using AiContagion.Model;
using AiContagion.Numerics;

namespace AiContagion.Centrality;

/// <summary>
/// Impact diffusion (NetworkRiskMeasures): how much of the network's communicability an entity's default carries — what
/// is lost when it can no longer pass defaults on — split into its own direct impacts (start) and what flows through the
/// entities it hits (intermediate) (measure name <c>impact-diffusion</c>; the score is the total).
/// </summary>
/// <remarks>
/// <para><b>Maths.</b> With V and <c>C = e^V</c> (zero diagonal) as in <see cref="ImpactSusceptibility"/>, for each entity q
/// with out-degree <c>k_q = Σ_j V_qj &gt; 0</c>: <c>V¹</c> = V with row q zeroed, <c>C¹ = e^(V¹)</c> (zero diagonal),
/// <c>D = max(C − C¹, 0)</c> entrywise, <c>r_i = Σ_j D_ij / k_q</c> (weighted: <c>Σ_j D_ij w_j</c>); start = <c>r_q</c>,
/// intermediate = <c>Σ_{i≠q} r_i</c>. An entity that hits nobody scores 0. Published example (the package's tests):
/// start (1.25, 1, 0), intermediate (0, 0.5, 0), total (1.25, 1.5, 0).</para>
/// <para><b>Direction.</b> As <see cref="ImpactSusceptibility"/>: an entity scores high when its default reaches many
/// capitals, directly and through chains.</para>
/// <para><b>Complexity.</b> One exponential per entity that hits anyone: O(n² · nnz(V) · terms) time, parallel over
/// entities (results do not depend on the thread count), O(n²) memory per thread. Thread-safe.</para>
/// </remarks>
public static class ImpactDiffusion
{
    /// <summary>Computes each entity's impact diffusion.</summary>
    /// <param name="network">The network.</param>
    /// <param name="options">Options; <see langword="null"/> for the package's defaults.</param>
    /// <param name="cancellationToken">Cancels between entities.</param>
    /// <returns>Per entity, in network order: start, intermediate, total.</returns>
    /// <exception cref="ArgumentException">More than 2,000 entities, or a weight names no entity.</exception>
    public static ImmutableArray<EntityImpactDiffusion> ComputeParts(FinancingNetwork network, ImpactMeasureOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= new ImpactMeasureOptions();
        options.Validate();
        var weights = ImpactMatrix.Weights(network, options);
        var v = ImpactMatrix.Build(network, options);
        var n = v.Count;
        var c = v.Communicability(options.Terms, cancellationToken: cancellationToken);
        var start = new double[n];
        var intermediate = new double[n];
        Parallel.For(0, n, Parallelism.Options(options.MaxDegreeOfParallelism, cancellationToken), q =>
        {
            var degree = v.OutDegree(q);
            if (degree <= 0)
            {
                return;
            }

            var without = v.Communicability(options.Terms, q, cancellationToken);
            for (var i = 0; i < n; i++)
            {
                var r = 0.0;
                for (var j = 0; j < n; j++)
                {
                    var d = Math.Max(0.0, c[(i * n) + j] - without[(i * n) + j]);
                    r += weights is null ? d : d * weights[j];
                }

                if (weights is null)
                {
                    r /= degree;
                }

                if (i == q)
                {
                    start[q] = r;
                }
                else
                {
                    intermediate[q] += r;
                }
            }
        });

        var rows = ImmutableArray.CreateBuilder<EntityImpactDiffusion>(n);
        for (var q = 0; q < n; q++)
        {
            rows.Add(new EntityImpactDiffusion(network.Entities[q].Id, start[q], intermediate[q]));
        }

        return rows.MoveToImmutable();
    }

    /// <summary>Computes each entity's total impact diffusion as centrality scores (measure name <c>impact-diffusion</c>).</summary>
    /// <param name="network">The network.</param>
    /// <param name="options">Options; <see langword="null"/> for the package's defaults.</param>
    /// <param name="cancellationToken">Cancels between entities.</param>
    /// <returns>The totals (direct: converged).</returns>
    /// <exception cref="ArgumentException">More than 2,000 entities, or a weight names no entity.</exception>
    public static CentralityScores Compute(FinancingNetwork network, ImpactMeasureOptions? options = null, CancellationToken cancellationToken = default) =>
        new(network, "impact-diffusion", [.. ComputeParts(network, options, cancellationToken).Select(r => r.Total)]);
}
