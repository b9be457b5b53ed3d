namespace AiContagion.Cascades;

/// <summary>Options of the solvency channel (the credit-loss and chain cascades).</summary>
public sealed record SolvencyOptions
{
    /// <summary>Recovery rate per link kind. Default <see cref="RecoveryRates.Zero"/>.</summary>
    public RecoveryRates Recovery { get; init; } = RecoveryRates.Zero;

    /// <summary>How capital is found. Default: the capital figure, else balance-sheet net worth, else immune.</summary>
    public CapitalOptions Capital { get; init; } = new();

    /// <summary>When a loss makes an entity fail. Default <see cref="FailureRule.LossExceedsCapital"/> (strict, as in Furfine 2003).</summary>
    public FailureRule Rule { get; init; } = FailureRule.LossExceedsCapital;

    /// <summary>
    /// The stake-loss channel (issue 19): an Equity link with a <c>share</c> loses, when its issuer fails, the larger of
    /// its claim loss (<c>(1 − recovery) × amount</c>) and the stake's value <c>share ×</c> the issuer's
    /// <c>valuation</c> (else its book equity: its capital as <see cref="Capital"/> finds it; else the claim loss alone).
    /// A loss against the holder's capital in the round after the issuer's failure, as every credit loss. Default
    /// <see langword="false"/> (the flagship turns it on; off, the models are exactly those without it).
    /// </summary>
    public bool StakeLosses { get; init; }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Recovery);
        ArgumentNullException.ThrowIfNull(Capital);
        Capital.Validate();
        if (!Enum.IsDefined(Rule))
        {
            throw new ArgumentOutOfRangeException(nameof(Rule), Rule, "Unknown failure rule.");
        }
    }
}
