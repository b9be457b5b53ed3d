namespace AiContagion.Centrality;

/// <summary>
/// Which way a centrality reads links, stated in money terms. A link points the way money moves (payer to
/// recipient, docs/concepts.md#links).
/// </summary>
public enum CentralityDirection
{
    /// <summary>
    /// Importance is <b>received</b> along links: an entity scores high when (important) entities pay it. The
    /// iteration pulls each entity's score from its payers, i.e. over the links into it. This is NetworkX's
    /// convention for PageRank, eigenvector and Katz centrality ("important when important nodes point at it";
    /// here "points at" means "pays"), and in-strength for strength; for harmonic closeness it measures how
    /// close the other entities' money is (distances <i>to</i> the entity, as NetworkX 2.8 does).
    /// </summary>
    Receiving,

    /// <summary>
    /// Importance is <b>paid</b> backwards: an entity scores high when it pays (important) entities, e.g. a fund
    /// financing the firms that matter. The iteration pulls each entity's score from its recipients, i.e. over
    /// the links out of it (the reversed graph). Strength becomes out-strength; harmonic closeness measures how
    /// close the entity's own money gets to the others (distances <i>from</i> it).
    /// </summary>
    Paying,
}
