using AiContagion.Model;

namespace AiContagion.Tests.Model;

[TestClass]
public sealed class LinkKindFactsTests
{
    // docs/concepts.md#links: the three readings per kind.
    [TestMethod]
    [DataRow(LinkKind.Equity, LinkClass.Claim, false, false)]
    [DataRow(LinkKind.SpvContribution, LinkClass.Claim, false, false)]
    [DataRow(LinkKind.Loan, LinkClass.Claim, true, true)]
    [DataRow(LinkKind.Bond, LinkClass.Claim, true, true)]
    [DataRow(LinkKind.CreditFacility, LinkClass.Claim, true, true)]
    [DataRow(LinkKind.VendorFinancing, LinkClass.Claim, true, true)]
    [DataRow(LinkKind.ComputeContract, LinkClass.Commercial, false, true)]
    [DataRow(LinkKind.GpuPurchase, LinkClass.Commercial, false, true)]
    [DataRow(LinkKind.ApiSpend, LinkClass.Commercial, false, true)]
    [DataRow(LinkKind.Lease, LinkClass.Commercial, false, true)]
    [DataRow(LinkKind.RevenueShare, LinkClass.Commercial, false, true)]
    [DataRow(LinkKind.Services, LinkClass.Commercial, false, true)]
    public void Readings_PerKind_MatchDesign(LinkKind kind, LinkClass expectedClass, bool debt, bool obligation)
    {
        Assert.AreEqual(expectedClass, kind.Class());
        Assert.AreEqual(debt, kind.IsDebt());
        Assert.AreEqual(obligation, kind.HasObligation());
    }

    [TestMethod]
    public void Link_Readings_LoanBorrowerOwesLender()
    {
        var loan = new Link("bank", "neocloud", LinkKind.Loan, 8);
        Assert.AreEqual("neocloud", loan.InflowLoser);
        Assert.AreEqual("bank", loan.LossBearer);
        Assert.AreEqual("neocloud", loan.Debtor);
        Assert.AreEqual("bank", loan.Creditor);
    }

    [TestMethod]
    public void Link_Readings_CommercialCustomerOwesSupplier()
    {
        var contract = new Link("lab", "cloud", LinkKind.ComputeContract, 9);
        Assert.AreEqual("cloud", contract.InflowLoser);
        Assert.IsNull(contract.LossBearer);
        Assert.AreEqual("lab", contract.Debtor);
        Assert.AreEqual("cloud", contract.Creditor);
    }

    [TestMethod]
    public void Link_Readings_EquityHasNoObligation()
    {
        var equity = new Link("vc", "lab", LinkKind.Equity, 10);
        Assert.AreEqual("lab", equity.InflowLoser);
        Assert.AreEqual("vc", equity.LossBearer);
        Assert.IsNull(equity.Debtor);
        Assert.IsNull(equity.Creditor);
    }

    [TestMethod]
    [DataRow("CreditFacility", LinkKind.CreditFacility)]
    [DataRow("credit-facility", LinkKind.CreditFacility)]
    [DataRow("credit_facility", LinkKind.CreditFacility)]
    [DataRow(" Credit Facility ", LinkKind.CreditFacility)]
    [DataRow("gpupurchase", LinkKind.GpuPurchase)]
    public void TryParse_LenientSpellings_Accepted(string text, LinkKind expected)
    {
        Assert.IsTrue(LinkKindFacts.TryParse(text, out var kind));
        Assert.AreEqual(expected, kind);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("1")]
    [DataRow("Mortgage")]
    public void TryParse_UnknownOrNumeric_Rejected(string text) => Assert.IsFalse(LinkKindFacts.TryParse(text, out _));
}
