using System.Collections.Immutable;
using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Tests.Model;
using AiContagion.Tests.Support;
using CsCheck;

namespace AiContagion.Tests.Io;

/// <summary>
/// Any valid network survives JSON → CSV → GraphML → JSON unchanged, whatever its text holds and whichever optional
/// fields it uses (the dated-cash-flow, uncertainty and stake fields included), with or without a holdings layer (assets,
/// holdings, and collateral naming an asset).
/// </summary>
[TestClass]
public sealed class RoundTripPropertyTests
{
    // Text that stresses every format: separators, quotes, line breaks, XML and JSON specials, non-ASCII.
    private static readonly Gen<string> Text = Gen.Char[",\"\n\r\t ;<>&'{}[]\\éü中🙂abcXYZ019-_"].Array[0, 12]
        .Select(chars => FixSurrogates(new string(chars)));

    private static readonly Gen<string?> OptionalText = Gen.Frequency((3, Gen.Const((string?)null)), (2, Text.Select(s => (string?)s)));

    private static readonly Gen<double?> Figure = Gen.Frequency(
        (3, Gen.Const((double?)null)),
        (3, Gen.Double[0, 1e6].Select(d => (double?)d)),
        (1, Gen.OneOf<double?>(0.0, 1e-300, 123456789.123456789, 0.1 + 0.2)));

    // Up to four assets (market size, price impact or neither; odd names and notes) and a holding for some (entity, asset) pairs.
    private static readonly Gen<(Asset[] Assets, (int Entity, int Asset, double Amount, string? Note)[] Holdings, int[] CollateralAssets)> HoldingsLayer =
        from assetCount in Gen.Frequency((2, Gen.Const(0)), (3, Gen.Int[1, 4]))
        from assetNames in OptionalText.Array[assetCount]
        from market in Gen.Int[0, 2].Array[assetCount]
        from depth in Gen.Double[1e-3, 1e6].Array[assetCount]
        from assetNotes in OptionalText.Array[assetCount]
        from holdingCount in Gen.Int[0, 10]
        from entities in Gen.Int[0, 7].Array[holdingCount]
        from which in Gen.Int[0, 3].Array[holdingCount]
        from holdingAmounts in Gen.Frequency((4, Gen.Double[0, 1e5]), (1, Gen.OneOf(0.0, 0.1 + 0.2, 1e-300))).Array[holdingCount]
        from holdingNotes in OptionalText.Array[holdingCount]
        from collateral in Gen.Int[-1, 3].Array[12]
        select (
            Enumerable.Range(0, assetCount).Select(k => new Asset(AssetId(k), assetNames[k])
            {
                MarketSize = market[k] == 1 ? depth[k] : null,
                PriceImpact = market[k] == 2 ? 1 / depth[k] : null,
                Note = assetNotes[k],
            }).ToArray(),
            Enumerable.Range(0, holdingCount).Select(h => (entities[h], which[h], holdingAmounts[h], holdingNotes[h])).ToArray(),
            collateral);

    private static readonly Gen<FinancingNetwork> Network =
        from entityCount in Gen.Int[2, 8]
        from names in OptionalText.Array[entityCount]
        from sectors in Gen.Enum<Sector>().Array[entityCount]
        from cash in Figure.Array[entityCount]
        from capital in Figure.Array[entityCount]
        from tolerance in Gen.Frequency((3, Gen.Const((double?)null)), (1, Gen.Double[0, 1].Select(d => (double?)d))).Array[entityCount]
        from funding in Gen.OneOf<bool?>(null, true, false).Array[entityCount]
        from notes in OptionalText.Array[entityCount]
        from attribute in OptionalText.Array[entityCount]
        from entityExtras in FieldGen.Entities.Array[entityCount]
        from linkCount in Gen.Int[0, 12]
        from ends in Gen.Int[0, entityCount - 1].Array[linkCount * 2]
        from kinds in Gen.Enum<LinkKind>().Array[linkCount]
        from amounts in Gen.Double[0, 1e4].Array[linkCount]
        from terms in Gen.Frequency((2, Gen.Const((double?)null)), (1, Gen.Double[0.5, 30].Select(d => (double?)d))).Array[linkCount]
        from linkNotes in OptionalText.Array[linkCount]
        from linkExtras in FieldGen.Links.Array[linkCount]
        from legacyConfidence in Gen.OneOf<string?>(null, "filing", "secondary").Array[linkCount]
        from title in OptionalText
        from unit in Gen.OneOf("USD bn", "EUR m", "a \"unit\", odd")
        from layer in HoldingsLayer
        select WithHoldings(
            Build(
                entityCount, names, sectors, cash, capital, tolerance, funding, notes, attribute, entityExtras,
                linkCount, ends, kinds, amounts, terms, linkNotes, linkExtras, legacyConfidence, title, unit),
            layer);


    [TestMethod]
    public void AnyValidNetwork_RoundTripsThroughEveryFormat()
    {
        using var temp = new TempFolder();
        var counter = 0;
        Network.Sample(original =>
        {
            var folder = Path.Combine(temp.Path, (Interlocked.Increment(ref counter)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            FinancingNetworkFile.Save(original, Path.Combine(folder, "a.json"));
            var fromJson = FinancingNetworkFile.Load(Path.Combine(folder, "a.json"));
            FinancingNetworkFile.Save(fromJson, Path.Combine(folder, "csv"));
            var fromCsv = FinancingNetworkFile.Load(Path.Combine(folder, "csv"));
            FinancingNetworkFile.Save(fromCsv, Path.Combine(folder, "b.graphml"));
            var fromGraphMl = FinancingNetworkFile.Load(Path.Combine(folder, "b.graphml"));
            RoundTripTests.AssertSame(original, fromGraphMl);
        }, iter: 150, threads: 1);
    }

    private static FinancingNetwork Build(
        int entityCount, string?[] names, Sector[] sectors, double?[] cash, double?[] capital, double?[] tolerance, bool?[] funding,
        string?[] notes, string?[] attribute, FieldGen.EntityExtras[] entityExtras, int linkCount, int[] ends, LinkKind[] kinds,
        double[] amounts, double?[] terms, string?[] linkNotes, FieldGen.LinkExtras[] linkExtras, string?[] legacyConfidence, string? title, string unit)
    {
        var builder = FinancingNetwork.CreateBuilder()
            .WithMetadata(new NetworkMetadata { Title = title, Unit = unit, AsOf = FieldGen.AsOf, Sources = title is null ? [] : [title] });
        for (var i = 0; i < entityCount; i++)
        {
            var attributes = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
            if (attribute[i] is { } value)
            {
                attributes = attributes.Add("extra field", value);
            }

            builder.AddEntity(entityExtras[i].Apply(new Entity(Id(i), sectors[i], names[i])
            {
                Cash = cash[i],
                Capital = capital[i],
                Tolerance = tolerance[i],
                FundingSource = funding[i],
                Note = notes[i],
                Attributes = attributes,
            }));
        }

        for (var l = 0; l < linkCount; l++)
        {
            var from = ends[2 * l];
            var to = ends[(2 * l) + 1];
            if (from == to)
            {
                to = (to + 1) % entityCount;
            }

            var link = new Link(Id(from), Id(to), kinds[l], amounts[l]) { TermYears = terms[l], Note = linkNotes[l] };
            if (legacyConfidence[l] is { } legacy)
            {
                // The v1 AI chain's attribute, which shares its name with the confidence field: kept apart in every format.
                link = link with { Attributes = link.Attributes.Add("confidence", legacy) };
            }

            builder.AddLink(linkExtras[l].Apply(link, entityCount, Id));
        }

        return builder.Build();
    }

    private static FinancingNetwork WithHoldings(
        FinancingNetwork network, (Asset[] Assets, (int Entity, int Asset, double Amount, string? Note)[] Holdings, int[] CollateralAssets) layer)
    {
        if (layer.Assets.Length == 0)
        {
            return network;
        }

        var builder = FinancingNetwork.CreateBuilder().WithMetadata(network.Metadata);
        foreach (var entity in network.Entities)
        {
            builder.AddEntity(entity);
        }

        for (var l = 0; l < network.LinkCount; l++)
        {
            // Some debt links name an asset as their collateral (as the AI chain's GPU-backed loans do).
            var link = network.Links[l];
            var pick = layer.CollateralAssets[l % layer.CollateralAssets.Length];
            builder.AddLink(link.Kind.IsDebt() && pick >= 0 ? link with { Collateral = AssetId(pick % layer.Assets.Length) } : link);
        }

        foreach (var asset in layer.Assets)
        {
            builder.AddAsset(asset);
        }

        var seen = new HashSet<(int, int)>();
        foreach (var (entity, asset, amount, note) in layer.Holdings)
        {
            var pair = (entity % network.EntityCount, asset % layer.Assets.Length);
            if (seen.Add(pair))
            {
                builder.AddHolding(new Holding(Id(pair.Item1), AssetId(pair.Item2), amount) { Note = note });
            }
        }

        return builder.Build();
    }

    private static string AssetId(int k) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"asset {k}, \"gpu\" ü");

    private static string Id(int i) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"id {i}, \"q\" é");

    private static string FixSurrogates(string s)
    {
        // Gen.Char over a string's chars can split a surrogate pair; keep only whole pairs.
        var result = new System.Text.StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                result.Append(s[i]).Append(s[i + 1]);
                i++;
            }
            else if (!char.IsSurrogate(s[i]))
            {
                result.Append(s[i]);
            }
        }

        return result.ToString();
    }
}
