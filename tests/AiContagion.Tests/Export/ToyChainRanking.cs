using AiContagion.Export;

namespace AiContagion.Tests.Export;

/// <summary>
/// The withdrawal ranking (docs/concepts.md#a-link-is-down) of graphs/toy-chain.json under the funding-withdrawal cascade, with
/// every entity as a candidate, derived by hand. It stands in for WithdrawalRanking (another branch) in the chart
/// tests and in the committed picture docs/toy-chain-ranking.png.
/// </summary>
/// <remarks>
/// Same rule as <see cref="ToyChainCascade"/>: v fails when lost_v &gt; cash_v (τ_v · inflow_v = cash_v here);
/// withdrawn or failed payers stop their links; claim links into a failed (not merely withdrawn) entity are down.
/// <code>
/// vc-fund     direct 2 (Equity 10, Equity 2); cascade 6 — see ToyChainCascade; 3 failed; amount down 47.5
/// model-lab   direct 1 (Compute 9). neocloud loses 9 &gt; 2 → fails; GpuPurchase 12 (payer), Loan 8 and
///             VendorFinancing 3 (claims on neocloud) down; chipmaker loses 12 ≤ 30. cascade 3; amount 32
/// bank        direct 2 (Loan 8, CreditFacility 2). neocloud loses 8 &gt; 2 → fails; model-lab loses 2 ≤ 4.
///             GpuPurchase 12 and VendorFinancing 3 down (Compute 9 into neocloud is commercial: stays).
///             cascade 2; amount 25
/// chipmaker   direct 1 (VendorFinancing 3). neocloud loses 3 &gt; 2 → fails; GpuPurchase 12 and Loan 8 down.
///             cascade 2; amount 23
/// neocloud    direct 1 (GpuPurchase 12). chipmaker loses 12 ≤ 30. cascade 0; amount 12
/// app-startup direct 1 (ApiSpend 1.5). model-lab loses 1.5 ≤ 4. cascade 0; amount 1.5
/// </code>
/// Order: links down, then amount down (model-lab 32 before bank 25; neocloud 12 before app-startup 1.5).
/// </remarks>
internal static class ToyChainRanking
{
    public static IReadOnlyList<RankingChartRow> Rows { get; } =
    [
        new("vc-fund", 2, 6),
        new("model-lab", 1, 3),
        new("bank", 2, 2),
        new("chipmaker", 1, 2),
        new("neocloud", 1, 0),
        new("app-startup", 1, 0),
    ];
}
