namespace AiContagion.Cascades;

/// <summary>Options of the Gai–Kapadia threshold cascade.</summary>
public sealed record GaiKapadiaOptions
{
    /// <summary>
    /// When an entity fails. Default <see cref="FailureRule.LossExceedsCapital"/>: Gai &amp; Kapadia's vulnerability
    /// condition <c>K_i / A_i &lt; 1 / j_i</c> is strict, so a bank whose loss on one of j debtors equals its capital survives.
    /// </summary>
    public FailureRule Rule { get; init; } = FailureRule.LossExceedsCapital;

    /// <summary>The recovery rate R on claims against failed debtors, in [0, 1]. Default 0 (Gai &amp; Kapadia's short-run assumption).</summary>
    public double Recovery { get; init; }

    /// <summary>How capital K is found. Default: capital figure, else balance-sheet net worth, else immune.</summary>
    public CapitalOptions Capital { get; init; } = new();

    internal void Validate()
    {
        if (!Enum.IsDefined(Rule))
        {
            throw new ArgumentOutOfRangeException(nameof(Rule), Rule, "Unknown failure rule.");
        }

        if (!double.IsFinite(Recovery) || Recovery < 0 || Recovery > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Recovery), Recovery, "The recovery rate must lie in [0, 1].");
        }

        ArgumentNullException.ThrowIfNull(Capital);
        Capital.Validate();
    }
}
