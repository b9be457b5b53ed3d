namespace AiContagion.Cascades;

/// <summary>The down links of a run, ordered by round then link index, with the run's totals (what a <see cref="CascadeResult"/> keeps of the engine's link ledger).</summary>
internal sealed record DownLinks(int[] Links, LinkDownCause[] Causes, int[] Rounds, double[] Amounts, double Amount, int DirectCount, double DirectAmount);
