using AiContagion.Cascades;
using AiContagion.Model;

namespace AiContagion.Tests.Cascades;

/// <summary>Cases the clearing property tests found; each pinned with its hand derivation.</summary>
[TestClass]
public sealed class ClearingRegressionTests
{
    // Found by Clearing_PaymentsBoundedFixedPointAndEqualToPicardIteration (CsCheck seed 7ZrNm3O1yIy3): a closed
    // pair whose shares sum to 1 only up to rounding made the exact solve "succeed" with a huge solution, which was
    // clamped back to p̄. By hand (senior external liabilities): e0 owes e1 6 + 6.313 (commercial) + 4 (vendor
    // financing) = p̄0 = 16.313 and has no other assets; e1 owes e0 0.59 + 7.133 + 1 (loan, bonds) = p̄1 = 8.723 and
    // owes 4 outside, senior. So p0 = min(16.313, p1), p1 = min(8.723, max(0, p0 − 4)): from the top the iterates
    // fall by 4 every two steps, and the greatest clearing vector is (0, 0).
    [TestMethod]
    public void SeniorClosedPair_ShareRoundingNearOne_ClearsToZero()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity(new Entity("e0", Sector.Sovereign) { Cash = 0, Revenue = 3, Capital = 0 })
            .AddEntity(new Entity("e1", Sector.PublicMarkets) { Revenue = 0, ExternalLiabilities = 4 })
            .AddLink("e0", "e1", LinkKind.Equity, 0)
            .AddLink("e0", "e1", LinkKind.Loan, 0.59)
            .AddLink("e1", "e0", LinkKind.Services, 0)
            .AddLink("e0", "e1", LinkKind.Bond, 7.133)
            .AddLink("e0", "e1", LinkKind.Services, 6)
            .AddLink("e0", "e1", LinkKind.ComputeContract, 6.313)
            .AddLink("e0", "e1", LinkKind.Bond, 1)
            .AddLink("e1", "e0", LinkKind.VendorFinancing, 4)
            .Build();
        var model = new EisenbergNoeClearing(new ClearingOptions { Seniority = ExternalLiabilitySeniority.Senior });

        var result = model.Run(network, CascadeShock.None);

        Assert.AreEqual(0.0, result.Entity("e0").NetworkPayment!.Value, 1e-9);
        Assert.AreEqual(0.0, result.Entity("e1").NetworkPayment!.Value, 1e-9);
        Assert.IsTrue(result.Entity("e0").Failed && result.Entity("e1").Failed);
    }
}
