using AiContagion.Cascades;
using AiContagion.Model;
using AiContagion.Numerics;

namespace AiContagion.Centrality;

/// <summary>
/// DebtRank impact: for each entity alone, the DebtRank R — the additional economic-weight-averaged distress the
/// rest of the network suffers — when that entity is fully distressed (h = 1) and nothing else is (Battiston,
/// Puliga, Kaushik, Tasca &amp; Caldarelli 2012, "DebtRank: Too Central to Fail?", Scientific Reports 2:541,
/// doi:10.1038/srep00541).
/// </summary>
/// <remarks>
/// <para><b>Model.</b> <c>score_v = R(h⁰ = e_v)</c> from <see cref="SingleHitDebtRank"/> (each distressed entity
/// passes its distress on once) with its options: impact <c>W_ij = min(1, claim_ij / capital_i)</c> of j's distress on
/// holder i, economic weights (default: share of total assets), R excluding the initial distress. Published case
/// C5: a 0.9285714, b 0.25, c 0.6642857.</para>
/// <para><b>Direction.</b> Distress runs <b>against</b> claim links: a funder that holds a claim on a distressed
/// recipient is hit (docs/concepts.md#links), so an entity scores high when those who funded it are thinly capitalised and
/// heavy in the economy. Commercial links carry no distress in DebtRank.</para>
/// <para><b>Complexity.</b> n DebtRank runs on one prepared model, each touching only what the distress reaches;
/// parallel over entities, each score computed by one run, so results do not depend on the thread count.
/// Stateless; safe to call concurrently.</para>
/// </remarks>
public static class DebtRankImpact
{
    /// <summary>Computes each entity's DebtRank impact (measure name <c>debtrank</c>).</summary>
    /// <param name="network">The network; not modified.</param>
    /// <param name="options">DebtRank options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels between entities.</param>
    /// <returns>The scores (direct: converged, 0 iterations).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static CentralityScores Compute(FinancingNetwork network, DebtRankOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        var prepared = new SingleHitDebtRank(options).Prepare(network);
        var scores = new double[network.EntityCount];
        Parallel.For(0, network.EntityCount, Parallelism.Options(-1, cancellationToken), v =>
        {
            var summary = prepared.Summarize(CascadeShock.Fail(network.Entities[v].Id), cancellationToken);
            scores[v] = summary.DebtRank ?? 0.0;
        });
        return new CentralityScores(network, "debtrank", scores);
    }
}
