using AiContagion.Export;
using AiContagion.Model;

namespace AiContagion.Tests.Export;

/// <summary>
/// The funding-withdrawal cascade (docs/concepts.md#funding-withdrawal-liquidity-cascade) on graphs/toy-chain.json, derived by hand, as a
/// <see cref="CascadeOverlay"/>. It stands in for the cascade model (another branch) in the diagram tests and
/// in the committed picture docs/toy-chain-cascade.png; once the model is merged the picture should be made
/// from its result through the adapter instead.
/// </summary>
/// <remarks>
/// Rule: v fails when lost_v &gt; τ_v · inflow_v, inflow_v = Σ amounts of links into v + revenue_v,
/// τ_v = cash_v / inflow_v capped to [0, 1] (no entity of the toy chain sets a tolerance), so the buffer
/// τ_v · inflow_v is simply cash_v. A failed or withdrawn entity stops all its outgoing links (down:
/// Withdrawn / PayerFailed); a claim link into a failed entity is down (RecipientFailed).
/// <code>
/// shock (round 0): vc-fund withdrawn → vc-fund→model-lab Equity 10 and vc-fund→app-startup Equity 2 down (Withdrawn).
/// round 1: model-lab  inflow 10 + 2 + 1.5 + revenue 3 = 16.5, cash 4 (τ = 0.2424): lost 10 &gt; 4  → fails.
///          app-startup inflow 2 + revenue 0.5 = 2.5, cash 0.3:                     lost 2 &gt; 0.3  → fails.
///          → model-lab→neocloud ComputeContract 9 and app-startup→model-lab ApiSpend 1.5 down (PayerFailed, round 1);
///            bank→model-lab CreditFacility 2 down (RecipientFailed, round 1: a claim on a failed lab).
/// round 2: neocloud   inflow 8 + 3 + 9 + revenue 1 = 21, cash 2:                   lost 9 &gt; 2    → fails.
///          → neocloud→chipmaker GpuPurchase 12 down (PayerFailed, round 2);
///            bank→neocloud Loan 8 and chipmaker→neocloud VendorFinancing 3 down (RecipientFailed, round 2).
/// round 3: chipmaker  inflow 12 + revenue 60 = 72, cash 30:                        lost 12 ≤ 30   → survives.
///          bank: no inflow lost. Nothing changes: stop.
/// Result: 3 failed (model-lab 1, app-startup 1, neocloud 2); all 8 links down (2 direct, 6 cascade).
/// </code>
/// </remarks>
internal static class ToyChainCascade
{
    public static readonly (string From, string To, LinkKind Kind, string Cause, int Round)[] LinksDown =
    [
        ("vc-fund", "model-lab", LinkKind.Equity, "Withdrawn", 0),
        ("vc-fund", "app-startup", LinkKind.Equity, "Withdrawn", 0),
        ("model-lab", "neocloud", LinkKind.ComputeContract, "PayerFailed", 1),
        ("app-startup", "model-lab", LinkKind.ApiSpend, "PayerFailed", 1),
        ("bank", "model-lab", LinkKind.CreditFacility, "RecipientFailed", 1),
        ("neocloud", "chipmaker", LinkKind.GpuPurchase, "PayerFailed", 2),
        ("bank", "neocloud", LinkKind.Loan, "RecipientFailed", 2),
        ("chipmaker", "neocloud", LinkKind.VendorFinancing, "RecipientFailed", 2),
    ];

    public static readonly Dictionary<string, int> FailureRounds = new(StringComparer.Ordinal)
    {
        ["model-lab"] = 1,
        ["app-startup"] = 1,
        ["neocloud"] = 2,
    };

    /// <summary>The overlay for a copy of the toy chain, whatever order its links were added in (links are found by payer, recipient and kind).</summary>
    public static CascadeOverlay For(FinancingNetwork network) => new(
        FailureRounds,
        ["vc-fund"],
        LinksDown.Select(d => KeyValuePair.Create(IndexOf(network, d.From, d.To, d.Kind), new CascadeLinkDown(d.Cause, d.Round))),
        model: "funding withdrawal (hand-derived)");

    public static int IndexOf(FinancingNetwork network, string from, string to, LinkKind kind)
    {
        for (var l = 0; l < network.LinkCount; l++)
        {
            var link = network.Links[l];
            if (link.From == from && link.To == to && link.Kind == kind)
            {
                return l;
            }
        }

        throw new KeyNotFoundException($"{from} -> {to} {kind}");
    }
}
