using AiContagion.Model;

namespace AiContagion.Centrality;

/// <summary>
/// Impact susceptibility (NetworkRiskMeasures; Silva, Souza &amp; Tabak 2015): how exposed an entity is to being hit
/// through paths of defaults — the communicability reaching it from all others over the number of entities whose default
/// alone hits it (measure name <c>impact-susceptibility</c>).
/// </summary>
/// <remarks>
/// <para><b>Maths.</b> With the capped impact matrix V (<see cref="ImpactMeasureOptions.Binary"/>; <c>V_ij</c> = impact of i's
/// default on j, from j's claims on i over j's capital) and <c>C = e^V</c> with a zero diagonal:
/// <c>s_j = Σ_{i≠j} C_ij / Σ_i V_ij</c> (0 when nobody hits j); weighted: <c>s_j = w_j Σ_{i≠j} C_ij</c> (not divided).
/// Published example (the package's tests): claims b→a 10, c→a 3, a→b 1, c→b 2, b→c 3, capital (2, 5, 2): s = (0, 1, 1.25).</para>
/// <para><b>Direction.</b> Default hits run against the claim links: from a recipient to those who hold claims on it. An
/// entity scores high when many defaults, directly or in chains, reach its capital.</para>
/// <para><b>Complexity.</b> O(n² + n · nnz(V) · terms) time, O(n²) memory (dense; at most 2,000 entities). Thread-safe.</para>
/// <para>Silva, T. C., Souza, S. R. S. &amp; Tabak, B. M. (2015), "Monitoring vulnerability and impact diffusion in
/// financial networks", Banco Central do Brasil Working Paper 392; NetworkRiskMeasures (R package, Cinelli), doi:10.32614/CRAN.package.NetworkRiskMeasures.</para>
/// </remarks>
public static class ImpactSusceptibility
{
    /// <summary>Computes each entity's impact susceptibility.</summary>
    /// <param name="network">The network.</param>
    /// <param name="options">Options; <see langword="null"/> for the package's defaults.</param>
    /// <param name="cancellationToken">Cancels between terms.</param>
    /// <returns>The scores (direct: converged).</returns>
    /// <exception cref="ArgumentException">More than 2,000 entities, or a weight names no entity.</exception>
    public static CentralityScores Compute(FinancingNetwork network, ImpactMeasureOptions? options = null, CancellationToken cancellationToken = default) =>
        new(network, "impact-susceptibility", Values(network, options, cancellationToken));

    internal static double[] Values(FinancingNetwork network, ImpactMeasureOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= new ImpactMeasureOptions();
        options.Validate();
        var weights = ImpactMatrix.Weights(network, options);
        var v = ImpactMatrix.Build(network, options);
        var c = v.Communicability(options.Terms, cancellationToken: cancellationToken);
        var n = v.Count;
        var degree = v.InDegrees();
        var scores = new double[n];
        for (var j = 0; j < n; j++)
        {
            var reach = 0.0;
            for (var i = 0; i < n; i++)
            {
                reach += c[(i * n) + j];
            }

            scores[j] = weights is not null ? weights[j] * reach : degree[j] > 0 ? reach / degree[j] : 0.0;
        }

        return scores;
    }
}
