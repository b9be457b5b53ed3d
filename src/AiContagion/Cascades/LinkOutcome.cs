namespace AiContagion.Cascades;

/// <summary>The state of one link at the end of a cascade run.</summary>
/// <param name="Index">The link's index in <see cref="Model.FinancingNetwork.Links"/> (its identity).</param>
/// <param name="Down">Whether the link is down.</param>
/// <param name="Cause">Why it is down (<see cref="LinkDownCause.None"/> when it is not).</param>
/// <param name="Round">The round in which it went down (0 = by the shock itself), or <see langword="null"/>.</param>
public sealed record LinkOutcome(int Index, bool Down, LinkDownCause Cause, int? Round)
{
    /// <summary>
    /// The amount counted as down: the link's amount, or the withdrawn fraction of it when the payer withdrew
    /// only partly and nothing else brought the link down; 0 when the link is up.
    /// </summary>
    public double AmountDown { get; init; }
}
