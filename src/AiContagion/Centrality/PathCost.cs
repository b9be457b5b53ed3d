namespace AiContagion.Centrality;

/// <summary>
/// The length of a link for shortest-path measures (<see cref="BetweennessCentrality"/>,
/// <see cref="HarmonicCentrality"/>). Parallel links between the same pair are merged first (amounts add),
/// and links with amount 0 carry no money and are left out, so a path is a sequence of entities joined by money.
/// </summary>
/// <remarks>
/// A third choice, <c>−log(share)</c> (share = amount / payer's out-strength, making the shortest path the
/// likeliest route of a dollar), was considered and left out on purpose: an entity that pays a single
/// recipient has share 1 and cost 0, and zero-cost cycles (two entities that only pay each other) make the
/// number of shortest paths undefined.
/// </remarks>
public enum PathCost
{
    /// <summary>Every link has length 1: a path's length is its number of links (breadth-first search). The default.</summary>
    Hops,

    /// <summary>
    /// A link's length is 1 / amount: big flows are short, so shortest paths follow the thickest money. Positive
    /// for every link that carries money, and scale-free: changing the unit does not change which paths are
    /// shortest. References: M. E. J. Newman (2001), "Scientific collaboration networks. II. Shortest paths,
    /// weighted networks, and centrality", Physical Review E 64:016132, doi:10.1103/PhysRevE.64.016132;
    /// T. Opsahl, F. Agneessens, J. Skvoretz (2010), "Node centrality in weighted networks: generalizing degree
    /// and shortest paths", Social Networks 32(3):245–251, doi:10.1016/j.socnet.2010.03.006.
    /// </summary>
    InverseAmount,
}
