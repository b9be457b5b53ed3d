using AiContagion.Cascades;
using AiContagion.Model;

namespace AiContagion.Tests.Cascades;

/// <summary>
/// The runway's plain term streams, run as monthly levels (Cascades/Engines/RunwayStreams.cs), on a hand-derived chain:
/// a stream with a fractional last month, cut first by a partial withdrawal and then by its payer's failure; the lost
/// inflow, the flow stopped per month and the principal a lender loses are derived in the comments.
/// (RunwayChannelProperties.ChannelsOn_WithoutTheirData_ChangeNothing checks the levels against the link-by-link loop
/// on 3,000 random networks.)
/// </summary>
[TestClass]
public sealed class RunwayStreamTests
{
    private const double Tolerance = 1e-12;

    // asOf 2026-01: month 1 is 2026-01. fund → lab: a loan of 10 over 2.5 months (termYears 2.5/12), no rate or
    // maturity, so a plain stream: 4 in month 1, 4 in month 2, the remainder 2 in month 3. lab: cash 0.5, costs 12 a
    // year (1 a month). The fund withdraws half (φ = 0.5) at t0 = 1: it pays in full through month 1, half after.
    private static FinancingNetwork Network(double? fundCash) =>
        FinancingNetwork.CreateBuilder()
            .WithMetadata(new NetworkMetadata { AsOf = "2026-01" })
            .AddEntity(new Entity("fund", Sector.VentureCapital) { Cash = fundCash, Capital = fundCash is null ? null : 100 })
            .AddEntity(new Entity("lab", Sector.ModelLab) { Cash = 0.5, Costs = 12 })
            .AddLink(new Link("fund", "lab", LinkKind.Loan, 10) { TermYears = 2.5 / 12 })
            .Build();

    private static readonly RunwayOptions Options = new() { Months = 12, WithdrawalMonth = 1 };

    // The fund has unlimited cash: only the withdrawal cuts the stream. lab receives 4, 2, 1 in months 1-3:
    // cash 0.5 → 3.5 → 4.5 → 4.5, then −1 a month: 3.5, 2.5, 1.5, 0.5, −0.5 in month 8 (2026-08): fails in month 8.
    // Lost inflow: φ × (4 + 2) = 3; flow stopped 2 in month 2, 1 in month 3, none after.
    [TestMethod]
    public void Run_PartialWithdrawal_HalvesTheRestOfTheStream()
    {
        var result = new RunwayCascade(Options).Run(Network(fundCash: null), CascadeShock.Withdraw(0.5, "fund"));

        var lab = result.Runway!.Entities[1];
        CollectionAssert.AreEqual(new[] { 0.5, 3.5, 4.5, 4.5, 3.5, 2.5, 1.5, 0.5, -0.5 }, lab.Cash.ToArray());
        Assert.AreEqual(8, lab.FailedMonth);
        Assert.AreEqual(3.0, result.Entities[1].LostInflow!.Value, Tolerance);
        double[] stopped = [0, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        CollectionAssert.AreEqual(stopped, result.Runway.Timeline.Select(m => m.FlowStopped).ToArray());
    }

    // The fund has cash 3 and pays 4 in month 1: cash −1, it fails in month 1 (having paid that month). Its stream
    // then pays nothing: the withdrawal cut half of months 2-3 (2 + 1), the failure the other half (2 + 1).
    // lab: 0.5 → 3.5, then −1 a month: 2.5, 1.5, 0.5, −0.5 in month 5: fails in month 5. Lost inflow 6 (every due
    // after month 1); flow stopped 4 in month 2, 2 in month 3. At lab's failure the fund had paid in 4 (month 1 only):
    // the fund (capital 100) books (1 − recovery of a loan) × 4, after its own failure (losses keep accruing).
    [TestMethod]
    public void Run_WithdrawalThenPayerFailure_CutsTheWholeTail()
    {
        var result = new RunwayCascade(Options).Run(Network(fundCash: 3), CascadeShock.Withdraw(0.5, "fund"));

        var runway = result.Runway!;
        Assert.AreEqual(1, runway.Entities[0].FailedMonth);
        CollectionAssert.AreEqual(new[] { 0.5, 3.5, 2.5, 1.5, 0.5, -0.5 }, runway.Entities[1].Cash.ToArray());
        Assert.AreEqual(5, runway.Entities[1].FailedMonth);
        Assert.AreEqual(6.0, result.Entities[1].LostInflow!.Value, Tolerance);
        double[] stopped = [0, 0, 4, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        CollectionAssert.AreEqual(stopped, runway.Timeline.Select(m => m.FlowStopped).ToArray());
        var lossGivenDefault = 1 - Options.Recovery[LinkKind.Loan];
        Assert.AreEqual(lossGivenDefault * 4, result.Entities[0].CreditLoss!.Value, Tolerance);
    }
}
