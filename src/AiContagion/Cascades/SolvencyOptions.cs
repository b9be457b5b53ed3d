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
