namespace AiContagion.Centrality;

/// <summary>One entity's impact diffusion (NetworkRiskMeasures' <c>impact_diffusion</c> row).</summary>
/// <param name="Id">The entity id.</param>
/// <param name="Start">The communicability its own direct impacts carry (<c>r_q</c>).</param>
/// <param name="Intermediate">What its default adds through the others it hits (<c>Σ_{i≠q} r_i</c>).</param>
public sealed record EntityImpactDiffusion(string Id, double Start, double Intermediate)
{
    /// <summary>Start + intermediate: the README's <c>impd</c> (the score of the <c>impact-diffusion</c> measure).</summary>
    public double Total => Start + Intermediate;
}
