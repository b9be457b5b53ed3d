using AiContagion.Model;

namespace AiContagion.Tests.Model;

[TestClass]
public sealed class FinancingNetworkBuilderTests
{
    [TestMethod]
    public void Build_EveryProblem_ReportedAtOnce()
    {
        var builder = FinancingNetwork.CreateBuilder()
            .AddEntity("a", Sector.Bank)
            .AddEntity("a", Sector.Bank)
            .AddEntity(new Entity("", Sector.Other))
            .AddEntity(new Entity("b", Sector.ModelLab) { Cash = double.NaN, Capital = -1, Tolerance = 1.5 })
            .AddEntity(new Entity("c", (Sector)99))
            .AddLink("a", "ghost", LinkKind.Loan, 1)
            .AddLink("a", "a", LinkKind.Loan, 1)
            .AddLink("a", "b", LinkKind.Equity, -3)
            .AddLink("a", "b", LinkKind.Equity, double.PositiveInfinity)
            .AddLink("a", "b", (LinkKind)200, 1);

        var error = Assert.ThrowsExactly<NetworkValidationException>(() => builder.Build());
        var fields = error.Problems.Select(p => (p.Subject, p.Field)).ToList();
        CollectionAssert.Contains(fields, ("entity 'a'", "id"));
        CollectionAssert.Contains(fields, ("entity #2", "id"));
        CollectionAssert.Contains(fields, ("entity 'b'", "cash"));
        CollectionAssert.Contains(fields, ("entity 'b'", "capital"));
        CollectionAssert.Contains(fields, ("entity 'b'", "tolerance"));
        CollectionAssert.Contains(fields, ("entity 'c'", "sector"));
        CollectionAssert.Contains(fields, ("link #0 (a -> ghost)", "to"));
        CollectionAssert.Contains(fields, ("link #1 (a -> a)", "to"));
        CollectionAssert.Contains(fields, ("link #2 (a -> b)", "amount"));
        CollectionAssert.Contains(fields, ("link #3 (a -> b)", "amount"));
        CollectionAssert.Contains(fields, ("link #4 (a -> b)", "kind"));
        Assert.HasCount(11, error.Problems);
    }

    [TestMethod]
    public void Build_ParallelLinks_Allowed()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity("lab", Sector.ModelLab)
            .AddEntity("cloud", Sector.Neocloud)
            .AddLink("lab", "cloud", LinkKind.ComputeContract, 5)
            .AddLink("cloud", "lab", LinkKind.Equity, 1)
            .AddLink("lab", "cloud", LinkKind.Loan, 2)
            .Build();

        Assert.AreEqual(3, network.LinkCount);
        Assert.HasCount(2, network.LinksFrom("lab"));
        Assert.HasCount(1, network.LinksTo("lab"));
    }

    [TestMethod]
    public void Build_ReservedAttributeName_Rejected()
    {
        var entity = new Entity("a", Sector.Bank) { Attributes = System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.Add("Cash", "1") };
        var error = Assert.ThrowsExactly<NetworkValidationException>(() => FinancingNetwork.CreateBuilder().AddEntity(entity).Build());
        Assert.AreEqual("attributes", error.Problems.Single().Field);
    }

    [TestMethod]
    public void Build_ZeroTermYears_Rejected()
    {
        var error = Assert.ThrowsExactly<NetworkValidationException>(() => FinancingNetwork.CreateBuilder()
            .AddEntity("a", Sector.Bank).AddEntity("b", Sector.Other)
            .AddLink(new Link("a", "b", LinkKind.Loan, 1) { TermYears = 0 }).Build());
        Assert.AreEqual("termYears", error.Problems.Single().Field);
    }

    [TestMethod]
    public void Build_DoesNotShareStateWithBuilder()
    {
        var builder = FinancingNetwork.CreateBuilder().AddEntity("a", Sector.Bank).AddEntity("b", Sector.Other);
        var first = builder.Build();
        builder.AddLink("a", "b", LinkKind.Loan, 1);
        var second = builder.Build();

        Assert.AreEqual(0, first.LinkCount);
        Assert.AreEqual(1, second.LinkCount);
    }
}
