using System.Globalization;
using System.Text.RegularExpressions;
using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Tests.Support;
using nietras.SeparatedValues;

namespace AiContagion.Tests.Datasets;

/// <summary>
/// Checks graphs/ai-chain.json against its provenance in graphs/sources/: the facts file (one row per sourced deal),
/// the nodes file (balance sheets), the hand-curated entity table and the per-row curation. Every expected value
/// here is read from those CSV files, never from the JSON itself, so a hand edit of the JSON, a build-script bug
/// or a curation that drifted from the facts makes a test fail.
/// </summary>
[TestClass]
public sealed partial class AiChainDatasetTests
{
    private static readonly Lazy<FinancingNetwork> Chain = new(() => FinancingNetworkFile.Load(Repo.Graph("ai-chain.json")));
    private static readonly Lazy<List<Dictionary<string, string>>> Facts = new(() => ReadCsv("ai-chain-facts.csv"));
    private static readonly Lazy<List<Dictionary<string, string>>> Nodes = new(() => ReadCsv("ai-chain-nodes.csv"));
    private static readonly Lazy<List<Dictionary<string, string>>> EntityTable = new(() => ReadCsv("entities.csv"));
    private static readonly Lazy<List<Dictionary<string, string>>> Curation = new(() => ReadCsv("curation.csv"));

    private static FinancingNetwork Network => Chain.Value;

    private static IEnumerable<(int Row, Dictionary<string, string> Fact, Dictionary<string, string> Decision)> Rows() =>
        Curation.Value.Select(c => int.Parse(c["row"], CultureInfo.InvariantCulture))
            .Zip(Curation.Value, (row, c) => (row, Facts.Value[row - 1], c));
    [TestMethod]
    public void Links_AtLeast100_EachWithSourceAndDate()
    {
        Assert.IsGreaterThanOrEqualTo(100, Network.LinkCount);
        foreach (var link in Network.Links)
        {
            Assert.IsFalse(string.IsNullOrWhiteSpace(link.Source), $"{link} has no source");
            Assert.IsFalse(string.IsNullOrWhiteSpace(link.Date), $"{link} has no date");
        }
    }

    [TestMethod]
    public void Sectors_EverySectorOfTheDesign_HasAnEntity()
    {
        foreach (var sector in SectorFacts.All)
        {
            Assert.IsNotEmpty(Network.EntitiesIn(sector), $"no entity in sector {sector}");
        }
    }

    [TestMethod]
    public void Curation_EveryFactsRow_IsExactlyOneLinkOrOneAnnotation()
    {
        Assert.HasCount(150, Facts.Value, "the facts file has 150 rows");
        CollectionAssert.AreEqual(
            Enumerable.Range(1, Facts.Value.Count).ToList(),
            Rows().Select(r => r.Row).ToList(),
            "curation.csv lists every facts row once, in order");

        var linksByRow = Network.Links.GroupBy(l => FactsRowOf(l)).ToDictionary(g => g.Key, g => g.Count());
        var annotationsByRow = Network.Metadata.Annotations.GroupBy(FactsRowOf).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (row, _, decision) in Rows())
        {
            var links = linksByRow.GetValueOrDefault(row);
            var annotations = annotationsByRow.GetValueOrDefault(row);
            switch (decision["decision"])
            {
                case "link":
                    Assert.AreEqual((1, 0), (links, annotations), $"facts row {row} is curated as one link (links, annotations)");
                    break;
                case "annotation":
                    Assert.AreEqual((0, 1), (links, annotations), $"facts row {row} is curated as one annotation (links, annotations)");
                    break;
                default:
                    Assert.Fail($"facts row {row}: unknown decision '{decision["decision"]}'");
                    break;
            }
        }

        Assert.AreEqual(Facts.Value.Count, Network.LinkCount + Network.Metadata.Annotations.Length, "no link or annotation without a facts row");
    }

    [TestMethod]
    public void Links_CarryTheirFactsRow_AmountDateSourceAndAFittingKind()
    {
        var byRow = Network.Links.ToDictionary(FactsRowOf);
        foreach (var (row, fact, decision) in Rows().Where(r => r.Decision["decision"] == "link"))
        {
            var link = byRow[row];
            if (IsDerived(decision))
            {
                // Checked in DerivedLinks_OnlyWhereTheFactsGiveNoAmount_AndEqualTheirBasis.
                Assert.AreEqual(string.Empty, fact["amount_usd_bn"], $"row {row}: a derived link's facts amount is undisclosed");
            }
            else
            {
                Assert.AreEqual(ParseAmount(fact["amount_usd_bn"]), link.Amount, $"row {row} amount");
                Assert.IsFalse(link.Attributes.ContainsKey("basis"), $"row {row}: only a derived link has a basis");
            }

            Assert.AreEqual(ParseAmount(decision["amount"]), link.Amount, $"row {row} curated amount");
            Assert.AreEqual(fact["date"], link.Date, $"row {row} date");
            Assert.AreEqual(fact["source"], link.Source, $"row {row} source");
            Assert.AreEqual((decision["from"], decision["to"]), (link.From, link.To), $"row {row} ends");
            Assert.AreEqual(decision["kind"], link.Kind.ToString(), $"row {row} kind");
            CollectionAssert.Contains(KindsFor(fact["type"]), link.Kind, $"row {row}: kind {link.Kind} for facts type '{fact["type"]}'");
            Assert.AreEqual(fact["from"], link.Attributes["factsFrom"], $"row {row} payer as the facts name it");
            Assert.AreEqual(fact["to"], link.Attributes["factsTo"], $"row {row} recipient as the facts name it");
        }
    }

    [TestMethod]
    public void Annotations_CarryTheirFactsRow_AmountSourceAndAReason()
    {
        var byRow = Network.Metadata.Annotations.ToDictionary(FactsRowOf);
        foreach (var (row, fact, decision) in Rows().Where(r => r.Decision["decision"] == "annotation"))
        {
            var annotation = byRow[row];
            Assert.AreEqual(fact["amount_usd_bn"].Length == 0 ? null : ParseAmount(fact["amount_usd_bn"]), annotation.Amount, $"row {row} amount");
            Assert.AreEqual(fact["amount_kind"], annotation.AmountKind, $"row {row} amount kind");
            Assert.AreEqual(fact["source"], annotation.Source, $"row {row} source");
            Assert.AreEqual(decision["category"], annotation.Type, $"row {row} type");
            Assert.IsFalse(string.IsNullOrWhiteSpace(annotation.Reason), $"row {row} reason");
        }
    }

    [TestMethod]
    public void AnnotationFigures_AreNotCountedAsLinks()
    {
        var linkRows = Network.Links.Select(FactsRowOf).ToHashSet();
        var linkKeys = Network.Links.Select(l => (l.From, l.To, l.Amount, l.Date)).ToHashSet();
        var annotated = Rows().Where(r => r.Decision["decision"] == "annotation").ToList();
        Assert.IsNotEmpty(annotated);
        foreach (var (row, fact, decision) in annotated)
        {
            Assert.IsFalse(linkRows.Contains(row), $"annotated facts row {row} is also a link");
            if (fact["amount_usd_bn"].Length > 0 && decision["from"].Length > 0 && decision["to"].Length > 0)
            {
                var key = (decision["from"], decision["to"], ParseAmount(fact["amount_usd_bn"]), (string?)fact["date"]);
                Assert.IsFalse(linkKeys.Contains(key), $"annotated facts row {row} reappears as a link {key}");
            }
        }

        // The network's total is the sum over rows curated as links and nothing else: an annotation's figure
        // counted anywhere would show here (the smallest annotated amount, 1, is far above the tolerance). Sourced
        // links count their facts amount; derived links (no facts amount) their curated one, checked against its
        // basis in DerivedLinks_OnlyWhereTheFactsGiveNoAmount_AndEqualTheirBasis.
        var sourced = Rows().Where(r => r.Decision["decision"] == "link" && !IsDerived(r.Decision)).Sum(r => decimal.Parse(r.Fact["amount_usd_bn"], CultureInfo.InvariantCulture));
        var derived = Rows().Where(r => r.Decision["decision"] == "link" && IsDerived(r.Decision)).Sum(r => decimal.Parse(r.Decision["amount"], CultureInfo.InvariantCulture));
        Assert.AreEqual((double)(sourced + derived), Network.TotalAmount, 1e-9);
        Assert.AreEqual((double)sourced, Network.Links.Where(l => l.Attributes["confidence"] != "derived").Sum(l => l.Amount), 1e-9);
    }

    // The one derived link (xAI GPU SPV -> NVIDIA, 20): facts row 73 gives no amount; its basis is the SPV's equity
    // (row 70, 7.5) and debt (row 71, 12.5) financing, both links into the SPV, whose stated use is buying NVIDIA GPUs.
    [TestMethod]
    public void DerivedLinks_OnlyWhereTheFactsGiveNoAmount_AndEqualTheirBasis()
    {
        var byRow = Network.Links.ToDictionary(FactsRowOf);
        var derived = Rows().Where(r => r.Decision["decision"] == "link" && IsDerived(r.Decision)).ToList();
        Assert.HasCount(1, derived, "one derived link");
        Assert.AreEqual(73, derived[0].Row);
        foreach (var (row, fact, decision) in derived)
        {
            var link = byRow[row];
            Assert.AreEqual(string.Empty, fact["amount_usd_bn"], $"row {row}: derived only where the facts give no amount");
            var basis = link.Attributes["basis"].Split(", ").Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToList();
            StringAssert.EndsWith(decision["reason"], "basis: rows " + string.Join(", ", basis), $"row {row}: the reason names the basis rows");
            var basisSum = 0m;
            foreach (var b in basis)
            {
                var (_, basisFact, basisDecision) = Rows().Single(r => r.Row == b);
                Assert.AreEqual("link", basisDecision["decision"], $"basis row {b} is a link");
                Assert.IsFalse(IsDerived(basisDecision), $"basis row {b} is sourced, not derived");
                Assert.AreEqual(link.From, byRow[b].To, $"basis row {b} funds the derived link's payer");
                basisSum += decimal.Parse(basisFact["amount_usd_bn"], CultureInfo.InvariantCulture);
            }

            Assert.AreEqual((double)basisSum, link.Amount, $"row {row}: amount = sum of the basis rows");
            StringAssert.StartsWith(link.Note, "Amount derived, not disclosed", $"row {row}: the note says so");
        }

        var toNvidia = byRow[73];
        Assert.AreEqual(("xai-colossus-2-spv", "nvidia", LinkKind.GpuPurchase, 20.0), (toNvidia.From, toNvidia.To, toNvidia.Kind, toNvidia.Amount));
        CollectionAssert.AreEqual(new[] { 70, 71 }, toNvidia.Attributes["basis"].Split(", ").Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray());
    }

    [TestMethod]
    public void TotalsByKind_EqualTheFactsRowsCuratedAsLinksOfThatKind()
    {
        // Derived links have no facts amount: they are left out here on both sides and checked on their own
        // (DerivedLinks_OnlyWhereTheFactsGiveNoAmount_AndEqualTheirBasis).
        var expected = Rows().Where(r => r.Decision["decision"] == "link" && !IsDerived(r.Decision))
            .GroupBy(r => Enum.Parse<LinkKind>(r.Decision["kind"]))
            .ToDictionary(g => g.Key, g => g.Sum(r => decimal.Parse(r.Fact["amount_usd_bn"], CultureInfo.InvariantCulture)));
        var actual = Network.Links.Where(l => l.Attributes["confidence"] != "derived")
            .GroupBy(l => l.Kind)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Amount));

        CollectionAssert.AreEquivalent(expected.Keys.ToList(), actual.Keys.ToList(), "the same kinds are present");
        foreach (var (kind, total) in expected)
        {
            Assert.AreEqual((double)total, actual[kind], 1e-9, $"total of {kind}");
        }

        // The network's own totals are the sourced totals plus the derived links of each kind (GpuPurchase: 5.8 + 20).
        var derived = Rows().Where(r => r.Decision["decision"] == "link" && IsDerived(r.Decision))
            .GroupBy(r => Enum.Parse<LinkKind>(r.Decision["kind"]))
            .ToDictionary(g => g.Key, g => g.Sum(r => decimal.Parse(r.Decision["amount"], CultureInfo.InvariantCulture)));
        foreach (var (kind, total) in Network.TotalsByKind())
        {
            Assert.AreEqual((double)(expected.GetValueOrDefault(kind) + derived.GetValueOrDefault(kind)), total, 1e-9, $"network total of {kind}");
        }
    }

    [TestMethod]
    public void Entities_FiguresComeFromTheNodesFile_OrAreAbsent()
    {
        var linkByRow = Network.Links.ToDictionary(FactsRowOf);
        foreach (var row in EntityTable.Value)
        {
            var entity = Network[row["id"]];
            var nodeRows = SplitRows(row["nodeRows"]).Select(r => Nodes.Value[r - 1]).ToList();
            foreach (var node in nodeRows)
            {
                Assert.AreEqual(row["factsNames"].Split('|')[0].Trim(), node["node"], $"{entity.Id}: node row names the entity");
            }

            // Each figure comes from the newest node row that gives it (the rows are listed newest first).
            Assert.AreEqual(Newest(nodeRows, "cash_usd_bn")?.Value, entity.Cash, $"{entity.Id} cash");
            Assert.AreEqual(Newest(nodeRows, "revenue_usd_bn")?.Value, entity.Revenue, $"{entity.Id} revenue");
            Assert.IsNull(entity.Capital, $"{entity.Id}: the facts give no capital");
            Assert.IsNull(entity.ExternalAssets, $"{entity.Id}: the facts give no external assets");
            Assert.IsNull(entity.Tolerance, $"{entity.Id}: no tolerance is invented");

            // costs = revenue + annual loss of the same period, when both are known.
            var revenue = Newest(nodeRows, "revenue_usd_bn");
            var loss = Newest(nodeRows, "annual_loss_usd_bn");
            double? costs = revenue is not null && loss is not null && revenue.Value.Node == loss.Value.Node
                ? (double)(decimal.Parse(revenue.Value.Node["revenue_usd_bn"], CultureInfo.InvariantCulture)
                    + decimal.Parse(loss.Value.Node["annual_loss_usd_bn"], CultureInfo.InvariantCulture))
                : null;
            Assert.AreEqual(costs, entity.Costs, $"{entity.Id} costs");

            // externalLiabilities = reported debt minus the debt already modelled as links into the entity.
            var debt = Newest(nodeRows, "debt_usd_bn");
            var inGraph = SplitRows(row["debtInGraphRows"]).Select(r => linkByRow[r]).ToList();
            foreach (var link in inGraph)
            {
                Assert.AreEqual(entity.Id, link.To, $"{entity.Id}: in-graph debt is owed by the entity");
                Assert.IsTrue(link.Kind.IsDebt(), $"{entity.Id}: in-graph debt link {link} is a debt kind");
            }

            double? external = debt is null ? null : Math.Max(0, debt.Value.Value - inGraph.Sum(l => l.Amount));
            if (external is null)
            {
                Assert.IsNull(entity.ExternalLiabilities, $"{entity.Id} external liabilities");
            }
            else
            {
                Assert.AreEqual(external.Value, entity.ExternalLiabilities!.Value, 1e-9, $"{entity.Id} external liabilities");
            }

            string[] figures = ["cash", "revenue", "costs", "capital", "externalAssets", "externalLiabilities"];
            double?[] values = [entity.Cash, entity.Revenue, entity.Costs, entity.Capital, entity.ExternalAssets, entity.ExternalLiabilities];
            var unknown = string.Join(", ", figures.Where((_, i) => values[i] is null));
            Assert.AreEqual(unknown, entity.Attributes["unknownFigures"], $"{entity.Id}: the file says which figures are unknown");
        }

        Assert.HasCount(EntityTable.Value.Count, Network.Entities, "every entity comes from the entity table");
    }

    [TestMethod]
    public void Entities_EachAppearsInALinkOrAnAnnotation_WithASlugId()
    {
        var mentioned = Network.Links.SelectMany(l => new[] { l.From, l.To })
            .Concat(Network.Metadata.Annotations.SelectMany(a => new[] { a.From ?? string.Empty, a.To ?? string.Empty }))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var entity in Network.Entities)
        {
            Assert.IsTrue(SlugPattern().IsMatch(entity.Id), $"'{entity.Id}' is a lowercase slug");
            Assert.Contains(entity.Id, mentioned, $"{entity.Id} appears in no link or annotation");
        }
    }

    [TestMethod]
    public void Links_PointTheWayMoneyMoves()
    {
        Sector[] funders = [.. SectorFacts.All.Where(s => s.IsFunderSector())];
        foreach (var link in Network.Links)
        {
            var from = Network[link.From].Sector;
            var to = Network[link.To].Sector;
            var ok = link.Kind switch
            {
                LinkKind.GpuPurchase => to == Sector.ChipMaker,
                LinkKind.Bond => from is Sector.PublicMarkets or Sector.PrivateCredit && !funders.Contains(to),
                LinkKind.Loan or LinkKind.CreditFacility => from is Sector.Bank or Sector.PrivateCredit or Sector.PublicMarkets,
                LinkKind.Equity or LinkKind.VendorFinancing => !funders.Contains(to),
                LinkKind.SpvContribution => to == Sector.DataCentreVehicle,
                LinkKind.ComputeContract => !funders.Contains(from) && to is Sector.Hyperscaler or Sector.Neocloud or Sector.ChipMaker or Sector.ModelLab or Sector.DataCentreVehicle,
                LinkKind.ApiSpend => to is Sector.ModelLab or Sector.Hyperscaler,
                LinkKind.Lease => to is Sector.Neocloud or Sector.DataCentreVehicle,
                LinkKind.RevenueShare => from == Sector.ModelLab,
                _ => true,
            };
            Assert.IsTrue(ok, $"{link} ({from} -> {to}) does not point the way money moves for {link.Kind}");
        }
    }

    [TestMethod]
    public void AiChain_ThroughCsvAndGraphMl_Lossless()
    {
        using var temp = new TempFolder();

        FinancingNetworkFile.Save(Network, temp.File("csv"));
        FinancingNetworkFile.Save(FinancingNetworkFile.Load(temp.File("csv")), temp.File("chain.graphml"));
        var back = FinancingNetworkFile.Load(temp.File("chain.graphml"));

        AiContagion.Tests.Io.RoundTripTests.AssertSame(Network, back);
        CollectionAssert.AreEqual(Network.Metadata.Annotations.ToList(), back.Metadata.Annotations.ToList());
    }

    private static bool IsDerived(Dictionary<string, string> decision) => decision["confidence"] == "derived";

    private static int FactsRowOf(Link link) => int.Parse(link.Attributes["factsRow"], CultureInfo.InvariantCulture);

    private static int FactsRowOf(Annotation annotation)
    {
        var match = FactsRowPattern().Match(annotation.Note ?? string.Empty);
        Assert.IsTrue(match.Success, $"annotation note starts with its facts row: {annotation.Note}");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static (double Value, Dictionary<string, string> Node)? Newest(List<Dictionary<string, string>> nodeRows, string column)
    {
        var node = nodeRows.FirstOrDefault(n => n[column].Length > 0);
        return node is null ? null : (ParseAmount(node[column]), node);
    }

    private static IEnumerable<int> SplitRows(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => int.Parse(r, CultureInfo.InvariantCulture));

    private static double ParseAmount(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static List<LinkKind> KindsFor(string factsType) => factsType switch
    {
        "equity investment" => [LinkKind.Equity],
        "compute/cloud contract" => [LinkKind.ComputeContract],
        "bond issue" => [LinkKind.Bond],
        "loan/debt facility" => [LinkKind.Loan, LinkKind.CreditFacility],
        "private credit facility" => [LinkKind.CreditFacility],
        "SPV/joint venture" => [LinkKind.SpvContribution],
        "lease" => [LinkKind.Lease],
        "GPU purchase" => [LinkKind.GpuPurchase],
        "vendor financing" => [LinkKind.VendorFinancing],
        "API/model spend" => [LinkKind.ApiSpend],
        "revenue share" => [LinkKind.RevenueShare],
        _ => [],
    };

    private static List<Dictionary<string, string>> ReadCsv(string name)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true, CultureInfo = CultureInfo.InvariantCulture })
            .FromFile(Repo.Path("graphs", "sources", name));
        var columns = reader.Header.ColNames;
        var rows = new List<Dictionary<string, string>>();
        foreach (var row in reader)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                values[columns[i]] = row[i].ToString();
            }

            rows.Add(values);
        }

        return rows;
    }

    [GeneratedRegex("^Facts row ([0-9]+) ")]
    private static partial Regex FactsRowPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
