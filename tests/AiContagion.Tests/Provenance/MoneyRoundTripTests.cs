using System.Globalization;
using System.Text.Json;
using AiContagion.Model;
using AiContagion.Provenance;
using AiContagion.Tests.Centrality;
using AiContagion.Tests.Support;
using CsCheck;

namespace AiContagion.Tests.Provenance;

[TestClass]
public sealed class MoneyRoundTripTests
{
    [TestMethod]
    public void Compute_TwoCycleWithRevenue_ProductOfTheTwoSteps()
    {
        // a pays b 10, b pays a 4; revenue a 6, b 5. I_a = 4 + 6 = 10, I_b = 10 + 5 = 15.
        // A dollar of a's income came from b with 4/10, b's from a with 10/15: ρ_a = 4/10 · 10/15 = 4/15; ρ_b the same
        // product. Amounts: a 10 · 4/15 = 8/3, b 15 · 4/15 = 4. (G_aa = 1 / (1 − 4/15) = 15/11, det(I − P) = 11/15.)
        var result = MoneyRoundTrip.Compute(Build([("a", 6), ("b", 5)], ("a", "b", 10), ("b", "a", 4)));

        Assert.AreEqual(4.0 / 15, result["a"].Share!.Value, 1e-15);
        Assert.AreEqual(4.0 / 15, result["b"].Share!.Value, 1e-15);
        Assert.AreEqual(8.0 / 3, result["a"].Amount, 1e-14);
        Assert.AreEqual(4.0, result["b"].Amount, 1e-14);
        Assert.AreEqual(2, result["a"].Loop);
        Assert.AreEqual(2, result.Circular);
    }

    [TestMethod]
    public void Compute_ThreeCycleWithLeaks_ProductAroundTheCycle()
    {
        // a → b 10, b → c 8, c → a 6; outside money comes in as a's revenue 2 and a VC's 5 to b; c also pays d 3
        // (money leaving the cycle changes no one's mix). I_a = 6 + 2 = 8, I_b = 10 + 5 = 15, I_c = 8.
        // Every dollar coming back goes once round: ρ = P_ac · P_cb · P_ba = 6/8 · 8/8 · 10/15 = 1/2 for all three.
        // d is on no cycle: 0; the VC has no income: no share.
        var network = Build(
            [("a", 2), ("b", null), ("c", null), ("d", null), ("vc", null)],
            ("a", "b", 10), ("b", "c", 8), ("c", "a", 6), ("vc", "b", 5), ("c", "d", 3));

        var result = MoneyRoundTrip.Compute(network);

        Assert.AreEqual(0.5, result["a"].Share!.Value, 1e-15);
        Assert.AreEqual(0.5, result["b"].Share!.Value, 1e-15);
        Assert.AreEqual(0.5, result["c"].Share!.Value, 1e-15);
        Assert.AreEqual(4.0, result["a"].Amount, 1e-14);
        Assert.AreEqual(7.5, result["b"].Amount, 1e-14);
        Assert.AreEqual(0.0, result["d"].Share);
        Assert.AreEqual(1, result["d"].Loop);
        Assert.IsNull(result["vc"].Share);
        Assert.IsFalse(result["vc"].HasInflow);
        Assert.AreEqual(3, result.LargestLoop);
        CollectionAssert.AreEqual(new[] { "b", "a", "c", "d", "vc" }, result.Ranked().Select(e => e.Id).ToArray());
    }

    [TestMethod]
    public void Compute_FigureEight_TwoCyclesThroughOneEntity()
    {
        // a ⇄ b (a → b 4, b → a 2) and a ⇄ c (a → c 6, c → a 3); revenue a 5, b 2, c 1. I_a = 10, I_b = 6, I_c = 7.
        // ρ_a = P_ab P_ba + P_ac P_ca = 2/10 · 4/6 + 3/10 · 6/7 = 2/15 + 9/35 = 41/105.
        // ρ_b = P_ba · q with q = P(walk at a reaches b first) = 2/10 + 3/10 · 6/7 · q → q = 7/26; ρ_b = 4/6 · 7/26 = 7/39.
        // ρ_c = P_ca · q' with q' = 3/10 + 2/10 · 4/6 · q' → q' = 9/26; ρ_c = 6/7 · 9/26 = 27/91.
        var network = Build([("a", 5), ("b", 2), ("c", 1)], ("a", "b", 4), ("b", "a", 2), ("a", "c", 6), ("c", "a", 3));

        foreach (var options in new[] { ProvenanceOptions.Default, new ProvenanceOptions { DenseLoopLimit = 0 } })
        {
            var result = MoneyRoundTrip.Compute(network, options);

            Assert.AreEqual(41.0 / 105, result["a"].Share!.Value, 1e-14);
            Assert.AreEqual(7.0 / 39, result["b"].Share!.Value, 1e-14);
            Assert.AreEqual(27.0 / 91, result["c"].Share!.Value, 1e-14);
        }
    }

    [TestMethod]
    public void Compute_Acyclic_AllZero()
    {
        // graphs/toy-chain.json without its loop is a DAG; on a DAG no money can come back.
        var network = Build([("s", 1), ("x", null), ("y", 2), ("z", null)], ("s", "x", 3), ("s", "y", 1), ("x", "y", 2), ("y", "z", 4), ("x", "z", 1));

        var result = MoneyRoundTrip.Compute(network);

        Assert.IsTrue(result.Entities.All(e => e.Share == 0), string.Join(", ", result.Entities));
        Assert.AreEqual(0, result.Circular);
        Assert.AreEqual(1, result.LargestLoop);
    }

    [TestMethod]
    public void Compute_ClosedLoop_AllOfItsIncomeIsItsOwnMoney()
    {
        // a and b only pay each other (no revenue, no outside payer); b also pays c. The provenance trace makes a and
        // b untraced origins; the round trip says what that means: all their income is their own money come back.
        var result = MoneyRoundTrip.Compute(PageRankTests.Chain(("a", "b", 5), ("b", "a", 5), ("b", "c", 2)));

        Assert.AreEqual(1.0, result["a"].Share);
        Assert.AreEqual(1.0, result["b"].Share);
        Assert.AreEqual(0.0, result["c"].Share);
    }

    [TestMethod]
    public void Compute_FundingSource_ItsOwnEntryInTheProvenanceTrace_AndOthersStopAtIt()
    {
        // bank (funding source) pays lab 8, lab (revenue 10) pays bank 2. The bank's income is all from the lab, whose
        // income is from the bank with 8/18: ρ_bank = 8/18 = 4/9, as the provenance trace's share of "bank" in bank.
        // The lab's 2 paid to the bank and lent back originates with the bank (a funding source): ρ_lab = 0.
        var builder = FinancingNetwork.CreateBuilder()
            .AddEntity(new Entity("bank", Sector.Bank))
            .AddEntity(new Entity("lab", Sector.ModelLab) { Revenue = 10 });
        builder.AddLink(new Link("bank", "lab", LinkKind.Loan, 8)).AddLink(new Link("lab", "bank", LinkKind.Services, 2));
        var network = builder.Build();

        var result = MoneyRoundTrip.Compute(network);

        Assert.AreEqual(4.0 / 9, result["bank"].Share!.Value, 1e-15);
        Assert.AreEqual(MoneyProvenance.Trace(network)["bank"].ShareOf("bank"), result["bank"].Share!.Value, 1e-15);
        Assert.IsTrue(result["bank"].IsFundingSource);
        Assert.AreEqual(2, result["bank"].Loop);
        Assert.AreEqual(0.0, result["lab"].Share);

        // Without the lab's revenue the pair is closed: all the bank's income is its own money.
        var closed = FinancingNetwork.CreateBuilder().AddEntity(new Entity("bank", Sector.Bank)).AddEntity(new Entity("lab", Sector.ModelLab));
        closed.AddLink(new Link("bank", "lab", LinkKind.Loan, 8)).AddLink(new Link("lab", "bank", LinkKind.Services, 2));
        Assert.AreEqual(1.0, MoneyRoundTrip.Compute(closed.Build())["bank"].Share);
    }

    [TestMethod]
    public void Compute_SelfLink_NotInTheModel()
    {
        // A self-link would be money an entity pays itself; the network builder rejects it, so ρ never sees one.
        Assert.ThrowsExactly<NetworkValidationException>(() => PageRankTests.Chain(("a", "a", 1)));
    }

    [TestMethod]
    public void Compute_ToyChain_OnlyTheNeocloudChipmakerLoop()
    {
        // graphs/toy-chain.json: neocloud ⇄ chipmaker is the one loop. I_n = 8 + 3 + 9 + 1 = 21 (chipmaker pays 3),
        // I_c = 12 + 60 = 72 (neocloud pays 12): ρ = 3/21 · 12/72 = 1/42 for both; everyone else 0.
        var result = MoneyRoundTrip.Compute(Networks.ToyChain());

        Assert.AreEqual(1.0 / 42, result["neocloud"].Share!.Value, 1e-15);
        Assert.AreEqual(1.0 / 42, result["chipmaker"].Share!.Value, 1e-15);
        Assert.AreEqual(2, result.Circular);
    }

    [TestMethod]
    public void Compute_LargeRing_SparseSolveMatchesTheProductAroundTheRing()
    {
        // A ring of 3,000 labs (above the dense limit of 2,000: solved by Gauss–Seidel per member), each paying the next
        // 1 and earning revenue 0.001; a VC pays lab0 5. P = 1/1.001 at every lab but lab0, where it is 1/6.001:
        // ρ = (1/1.001)^2999 / 6.001 for every member (each dollar back goes once round).
        const int k = 3000;
        var builder = FinancingNetwork.CreateBuilder().AddEntity(new Entity("vc", Sector.VentureCapital));
        for (var i = 0; i < k; i++)
        {
            builder.AddEntity(new Entity($"lab{i}", Sector.ModelLab) { Revenue = 0.001 });
        }

        builder.AddLink(new Link("vc", "lab0", LinkKind.Equity, 5));
        for (var i = 0; i < k; i++)
        {
            builder.AddLink(new Link($"lab{i}", $"lab{(i + 1) % k}", LinkKind.Services, 1));
        }

        var network = builder.Build();
        var expected = Math.Pow(1 / 1.001, k - 1) / 6.001;

        var result = MoneyRoundTrip.Compute(network, new ProvenanceOptions { Targets = ["lab0", "lab1234", "lab2999"] });

        Assert.HasCount(3, result.Entities);
        foreach (var entity in result.Entities)
        {
            Assert.AreEqual(expected, entity.Share!.Value, 1e-13, entity.Id);
            Assert.AreEqual(k, entity.Loop);
        }
    }

    [TestMethod]
    public void Compute_LoopTooLargeForAWholeRun_ClearErrorNamingTargets()
    {
        // A ring of 40,000 (revenue 10⁻⁶ each, links 1): every member's own sparse solve would be 40,000 × 40,000 =
        // 1.6·10⁹ link-visits per sweep. One target is one solve: ρ = (1/(1 + 10⁻⁶))^40000 ≈ e^−0.04.
        const int k = 40_000;
        var builder = FinancingNetwork.CreateBuilder();
        for (var i = 0; i < k; i++)
        {
            builder.AddEntity(new Entity($"lab{i}", Sector.ModelLab) { Revenue = 1e-6 });
        }

        for (var i = 0; i < k; i++)
        {
            builder.AddLink(new Link($"lab{i}", $"lab{(i + 1) % k}", LinkKind.Services, 1));
        }

        var network = builder.Build();

        var error = Assert.Throws<ProvenanceSolveException>(() => MoneyRoundTrip.Compute(network));
        StringAssert.Contains(error.Message, "40,000 entities");
        StringAssert.Contains(error.Message, "Targets");
        Assert.AreEqual(Math.Pow(1 / (1 + 1e-6), k), MoneyRoundTrip.Compute(network, new ProvenanceOptions { Targets = ["lab7"] })["lab7"].Share!.Value, 1e-12);
    }

    [TestMethod]
    [DynamicData(nameof(PeerCases.Names), typeof(PeerCases))]
    public void Compute_PeerGraphs_MatchIndependentNumpySolve(string name)
    {
        // tests/peers/round_trip_expected.py: per entity, one dense numpy solve over the entities downstream of it
        // (no loops, no 1 − 1/G_ii); checked on the dense path and on the Gauss–Seidel path.
        var peer = PeerCases.Get(name);
        var expected = RoundTripPeer(name);

        foreach (var options in new[] { ProvenanceOptions.Default, new ProvenanceOptions { DenseLoopLimit = 0 } })
        {
            var result = MoneyRoundTrip.Compute(peer.Network, options);

            foreach (var (node, share) in expected)
            {
                var id = PeerCase.Id(node);
                if (share is null)
                {
                    Assert.IsNull(result[id].Share, id);
                }
                else
                {
                    Assert.AreEqual(share.Value, result[id].Share!.Value, 1e-12, $"{id} (dense limit {options.DenseLoopLimit})");
                }
            }
        }
    }

    [TestMethod]
    public void Compute_RandomNetworks_SharesInUnitInterval_NullWithoutIncome() =>
        Gen.Select(Gen.Int[2, 40], Gen.Int[0, 150], Gen.Int).Sample((n, m, seed) =>
        {
            var result = MoneyRoundTrip.Compute(Networks.Random(n, m, seed));

            Assert.HasCount(n, result.Entities);
            foreach (var entity in result.Entities)
            {
                Assert.AreEqual(entity.HasInflow, entity.Share.HasValue, entity.Id);
                Assert.IsTrue(entity.Share is null or (>= 0 and <= 1), entity.ToString());
                Assert.IsTrue(entity.Amount >= 0 && entity.Amount <= entity.Inflow * (1 + 1e-12), entity.ToString());
            }
        }, iter: 120);

    [TestMethod]
    public void Compute_RandomAcyclicNetworks_AllZero() =>
        Gen.Select(Gen.Int[2, 40], Gen.Int[0, 150], Gen.Int).Sample((n, m, seed) =>
        {
            // Links only from a lower to a higher index: no cycle, so no money comes back.
            var random = new Random(seed);
            var builder = FinancingNetwork.CreateBuilder();
            for (var i = 0; i < n; i++)
            {
                builder.AddEntity(new Entity($"e{i}", random.NextDouble() < 0.2 ? Sector.Bank : Sector.ModelLab) { Revenue = random.NextDouble() < 0.5 ? random.NextDouble() : null });
            }

            for (var l = 0; l < m; l++)
            {
                var from = random.Next(n - 1);
                builder.AddLink(new Link($"e{from}", $"e{from + 1 + random.Next(n - 1 - from)}", LinkKind.Services, Math.Round(random.NextDouble() * 10, 3)));
            }

            var result = MoneyRoundTrip.Compute(builder.Build());

            Assert.IsTrue(result.Entities.All(e => e.Share is null or 0), string.Join(", ", result.Entities.Where(e => e.Share > 0)));
        }, iter: 120);

    [TestMethod]
    public void Compute_RandomNetworks_EqualsProvenanceWithTheEntityMadeAnOrigin() =>
        Gen.Select(Gen.Int[2, 30], Gen.Int[0, 120], Gen.Int).Sample((n, m, seed) =>
        {
            // ρ_i is the share of origin i in i's own inflow when i's payments are an origin: the provenance trace of
            // the network with i marked a funding source (a funding source already is one). Independent code path:
            // the forward trace's loop solves.
            var network = Networks.Random(n, m, seed);
            var result = MoneyRoundTrip.Compute(network);
            var sparse = MoneyRoundTrip.Compute(network, new ProvenanceOptions { DenseLoopLimit = 0 });

            foreach (var entity in network.Entities)
            {
                var rho = result[entity.Id];
                if (!rho.HasInflow)
                {
                    Assert.IsNull(sparse[entity.Id].Share, entity.Id);
                    continue;
                }

                Assert.AreEqual(rho.Share!.Value, sparse[entity.Id].Share!.Value, 1e-11, entity.Id);

                var marked = WithFundingSource(network, entity.Id);
                var traced = MoneyProvenance.Trace(marked, new ProvenanceOptions { Targets = [entity.Id] })[entity.Id];
                Assert.AreEqual(traced.ShareOf(entity.Id), rho.Share!.Value, 1e-11, entity.Id);
            }
        }, iter: 60);

    [TestMethod]
    public void Compute_Targets_SameRowsAsWholeRun()
    {
        var network = Networks.Random(80, 300, 12);
        var whole = MoneyRoundTrip.Compute(network);
        string[] targets = ["e3", "e40", "e79"];

        var some = MoneyRoundTrip.Compute(network, new ProvenanceOptions { Targets = targets });

        CollectionAssert.AreEqual(targets, some.Entities.Select(e => e.Id).ToArray());
        foreach (var id in targets)
        {
            Assert.AreEqual(whole[id].Share!.Value, some[id].Share!.Value, 1e-13, id);
        }

        Assert.ThrowsExactly<KeyNotFoundException>(() => MoneyRoundTrip.Compute(network, new ProvenanceOptions { Targets = ["nope"] }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => MoneyRoundTrip.Compute(network, new ProvenanceOptions { DenseLoopLimit = -1 }));
    }

    private static FinancingNetwork WithFundingSource(FinancingNetwork network, string id)
    {
        var builder = FinancingNetwork.CreateBuilder();
        foreach (var entity in network.Entities)
        {
            builder.AddEntity(entity.Id == id ? entity with { FundingSource = true } : entity);
        }

        foreach (var link in network.Links)
        {
            builder.AddLink(link);
        }

        return builder.Build();
    }

    private static Dictionary<int, double?> RoundTripPeer(string name)
    {
        using var stream = File.OpenRead(Repo.TestData("Structure", "round-trip-expected.json"));
        using var document = JsonDocument.Parse(stream);
        var entry = document.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        return entry.GetProperty("roundTrip").EnumerateObject().ToDictionary(
            p => int.Parse(p.Name, CultureInfo.InvariantCulture),
            p => p.Value.ValueKind == JsonValueKind.Null ? (double?)null : p.Value.GetDouble());
    }

    private static FinancingNetwork Build((string Id, double? Revenue)[] entities, params (string From, string To, double Amount)[] links)
    {
        var builder = FinancingNetwork.CreateBuilder();
        foreach (var (id, revenue) in entities)
        {
            builder.AddEntity(new Entity(id, id.StartsWith("vc", StringComparison.Ordinal) ? Sector.VentureCapital : Sector.ModelLab) { Revenue = revenue });
        }

        foreach (var (from, to, amount) in links)
        {
            builder.AddLink(new Link(from, to, LinkKind.Services, amount));
        }

        return builder.Build();
    }
}
