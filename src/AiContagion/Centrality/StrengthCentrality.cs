using AiContagion.Model;

namespace AiContagion.Centrality;

/// <summary>
/// In- and out-strength: the total amount an entity receives or pays over its links.
/// </summary>
/// <remarks>
/// <para><b>Model.</b> In-strength <c>s⁻_v = Σ_{l: u→v} a_l</c> (money received over links, outside revenue not
/// included); out-strength <c>s⁺_v = Σ_{l: v→w} a_l</c> (money paid). Parallel links add.</para>
/// <para><b>Direction.</b> <see cref="CentralityDirection.Receiving"/> sums the links <b>into</b> each entity
/// (measure <c>in-strength</c>); <see cref="CentralityDirection.Paying"/> sums the links <b>out of</b> it
/// (measure <c>out-strength</c>).</para>
/// <para><b>Complexity.</b> O(n + m). Stateless; safe to call concurrently.</para>
/// <para>Reference: A. Barrat, M. Barthélemy, R. Pastor-Satorras, A. Vespignani (2004), "The architecture of
/// complex weighted networks", PNAS 101(11):3747–3752, doi:10.1073/pnas.0400087101.</para>
/// </remarks>
public static class StrengthCentrality
{
    /// <summary>Computes in-strength (<see cref="CentralityDirection.Receiving"/>) or out-strength (<see cref="CentralityDirection.Paying"/>).</summary>
    /// <param name="network">The network; not modified.</param>
    /// <param name="direction">Which links to sum. Default: the links into each entity.</param>
    /// <returns>The strengths, in the network's unit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    public static CentralityScores Compute(FinancingNetwork network, CentralityDirection direction = CentralityDirection.Receiving)
    {
        ArgumentNullException.ThrowIfNull(network);
        return direction == CentralityDirection.Receiving
            ? new CentralityScores(network, "in-strength", network.Index.InStrength())
            : new CentralityScores(network, "out-strength", network.Index.OutStrength());
    }
}
