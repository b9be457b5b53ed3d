namespace AiContagion.Cascades;

/// <summary>The down links of a run, ordered by round then link index, with the run's totals (what a <see cref="CascadeResult"/> keeps of the engine's link ledger).</summary>
internal sealed record DownLinks(int[] Links, LinkDownCause[] Causes, int[] Rounds, double[] Amounts, double Amount, int DirectCount, double DirectAmount)
{
    /// <summary>
    /// Per down link, whether the shock itself brought it down; <see langword="null"/> for the models whose shock acts in
    /// round 0 (then direct = round 0). The runway's shock acts in month t0 and its direct links are those whose first
    /// cause is the shock (a withdrawal, or an entity the shock failed).
    /// </summary>
    public bool[]? Direct { get; init; }
}
