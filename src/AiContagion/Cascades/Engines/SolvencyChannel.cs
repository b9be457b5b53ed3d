using AiContagion.Model;

namespace AiContagion.Cascades.Engines;

/// <summary>
/// The threshold engine's solvency channel: each entity's capital, the failure rule, and the loss kernel that says
/// what a failure costs its creditors. The credit-loss and chain cascades and Gai–Kapadia differ only in the kernel.
/// </summary>
/// <param name="Capital">How capital is found (given, derived from the balance sheet, or the default).</param>
/// <param name="Rule">When a loss breaks capital.</param>
/// <param name="Kernel">Builds the loss kernel for a network from its claim rows and its capital (once per prepared model).</param>
internal sealed record SolvencyChannel(CapitalOptions Capital, FailureRule Rule, Func<NetworkIndex, ClaimRows, double[], LossKernel> Kernel)
{
    /// <summary>Losses by claim amount and link kind's recovery (<see cref="LossKernel.ClaimAmounts"/>).</summary>
    /// <param name="options">The solvency options.</param>
    /// <returns>The channel.</returns>
    public static SolvencyChannel CreditLoss(SolvencyOptions options) =>
        new(options.Capital, options.Rule, (index, claims, capital) => LossKernel.ClaimAmounts(index, claims, options.Recovery.LossGivenDefault(), options.StakeLosses ? capital : null));

    /// <summary>Losses by counterparty share (<see cref="LossKernel.CounterpartyShares"/>).</summary>
    /// <param name="options">The Gai–Kapadia options.</param>
    /// <returns>The channel.</returns>
    public static SolvencyChannel GaiKapadia(GaiKapadiaOptions options) =>
        new(options.Capital, options.Rule, (index, claims, _) => LossKernel.CounterpartyShares(index, claims, options.Recovery));
}
