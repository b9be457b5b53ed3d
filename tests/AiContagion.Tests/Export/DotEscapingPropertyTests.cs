using System.Globalization;
using System.Text;
using AiContagion.Export;
using AiContagion.Model;
using CsCheck;

namespace AiContagion.Tests.Export;

/// <summary>
/// Property: whatever text ids, names, notes, units and titles hold, Graphviz's own parser (gvpr) sees exactly
/// the nodes and edges the network has, every node name and label is the escaped text we meant, and the
/// graphs render to well-formed SVG. Each sample is a batch of graphs checked with one gvpr run per question
/// and one dot run, to keep process launches few.
/// </summary>
[TestClass]
public sealed class DotEscapingPropertyTests
{
    private const int GraphsPerSample = 20;

    /// <summary>Pieces meant to break out of a DOT string, an attribute list, an HTML label or SVG.</summary>
    private static readonly Gen<string> Nasty = Gen.OneOf<string>(
        "\"", "\\", "\\\"", "\"]; evil -> node; a [label=\"", "->", "--", "{", "}", "[", "]", ";", ",", "=", "<", ">",
        "<b>x</b>", "<<TABLE>>", "&", "&amp;", "&alpha;", "&#38;", "&#x26;", "\\N", "\\G", "\\n", "\\l", "\\r", "\n",
        "\r\n", "\r", "\t", "\0", "\u0001", "\u001f", "\u007f", "\u0085", "\u2028", "\u2029", "\uFEFF", "\uFFFE", "\uFFFF",
        "\uD800", "\uDFFF", "é", "Zürich", "中文", "😀", "e\u0301", "digraph G {", "subgraph cluster_x {", "node [shape=none]",
        "/* comment */", "// comment", "#", "%", "%1", " ", "  ", "-", "<!-- x -->", "]]>", "'");

    private static readonly Gen<string> Piece = Gen.Frequency(
        (6, Nasty),
        (3, Gen.Char.AlphaNumeric.Select(c => c.ToString())),
        (2, Gen.Char.Select(c => c.ToString())),
        (1, Gen.Const(new string('x', 10_000) + "\"]; pwned -> pwned2 [color=red]; \"")));

    private static readonly Gen<string> Text = Piece.Array[0, 8].Select(string.Concat);

    internal static readonly Gen<GraphSpec> Graph = Gen.Select(
        Text.Array[1, 6], Text.Array[6], Text, Text, Gen.Int[0, 1_000_000],
        (ids, names, unit, title, seed) => new GraphSpec(ids, names, unit, title, seed));

    [TestMethod]
    public void Escaping_RandomText_NeverChangesWhatGraphvizParses() =>
        Graph.Array[GraphsPerSample].Sample(specs =>
        {
            var networks = specs.Select(Build).ToArray();
            var documents = networks.Select(n => DotWriter.ToDot(n, new DotOptions { MaximumTextLength = int.MaxValue })).ToArray();

            var counts = GraphvizTools.Counts(documents);
            var nodes = GraphvizTools.Nodes(documents);
            for (var g = 0; g < networks.Length; g++)
            {
                var network = networks[g];
                Assert.AreEqual(ExpectedCounts(network), counts[g], $"graph {g}: nodes and edges as Graphviz parses them");
                var parsed = nodes[g].Where(n => !n.Label.StartsWith("<TABLE", StringComparison.Ordinal)).ToDictionary(n => n.Name, n => n.Label, StringComparer.Ordinal);
                Assert.HasCount(network.EntityCount, parsed, $"graph {g}: one parsed node per entity");
                foreach (var entity in network.Entities)
                {
                    Assert.IsTrue(parsed.TryGetValue(StoredId(entity.Id), out var label), $"graph {g}: entity {Show(entity.Id)} is a node");
                    Assert.AreEqual(StoredLabel(entity.Name), label, $"graph {g}: label of {Show(entity.Id)}");
                }
            }

            var svgs = GraphvizTools.RenderSvgs(documents);
            for (var g = 0; g < networks.Length; g++)
            {
                Assert.AreEqual(networks[g].EntityCount + 1, GraphvizTools.CountClass(svgs[g], "node"), $"graph {g}: SVG nodes");
            }
        }, iter: 3, threads: 1);

    /// <summary>Entities + the legend; links + the invisible edges between consecutive tiers.</summary>
    private static (int Nodes, int Edges) ExpectedCounts(FinancingNetwork network)
    {
        var tiers = network.Entities.Select(e => e.Sector.Tier()).Distinct().Count();
        return (network.EntityCount + 1, network.LinkCount + Math.Max(0, tiers - 1));
    }

    /// <summary>
    /// The node name Graphviz stores for an id (the DOT parser only turns <c>\"</c> into <c>"</c>): backslash
    /// doubled, line feed and carriage return as <c>\n</c>, <c>\r</c>, and the ampersand, a leading %, control characters,
    /// lone surrogates and U+FFFE/U+FFFF as <c>\uXXXX</c> — written here from the specification, not from the writer.
    /// </summary>
    private static string StoredId(string id)
    {
        var result = new StringBuilder();
        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (char.IsHighSurrogate(c) && i + 1 < id.Length && char.IsLowSurrogate(id[i + 1]))
            {
                result.Append(c).Append(id[++i]);
            }
            else if (c == '\\')
            {
                result.Append(@"\\");
            }
            else if (c == '\n')
            {
                result.Append(@"\n");
            }
            else if (c == '\r')
            {
                result.Append(@"\r");
            }
            else if (c == '&' || (c == '%' && i == 0) || char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                result.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>The label text Graphviz stores for a name (before its label renderer reads the escapes).</summary>
    private static string StoredLabel(string name)
    {
        var result = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                result.Append(c).Append(name[++i]);
            }
            else if (c == '\\')
            {
                result.Append(@"\\");
            }
            else if (c == '&')
            {
                result.Append("&amp;");
            }
            else if (c == '\r' && i + 1 < name.Length && name[i + 1] == '\n')
            {
                result.Append(@"\n");
                i++;
            }
            else if (c is '\r' or '\n' or '\u2028' or '\u2029')
            {
                result.Append(@"\n");
            }
            else if (c == '\t')
            {
                result.Append(' ');
            }
            else if (char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                result.Append('\uFFFD');
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static string Show(string text) => text.Length > 60 ? text[..60] + "…" : text;

    internal static FinancingNetwork Build(GraphSpec spec)
    {
        var random = new Random(spec.Seed);
        var metadata = new NetworkMetadata { Title = spec.Title, Unit = string.IsNullOrWhiteSpace(spec.Unit) ? "u" : spec.Unit, AsOf = spec.Title };
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(metadata);
        var ids = new List<string>();
        for (var i = 0; i < spec.Ids.Length; i++)
        {
            // Ids must be non-blank, trimmed and unique (the builder checks); keep the raw text when it already is.
            var id = spec.Ids[i].Trim().Length == spec.Ids[i].Length && spec.Ids[i].Length > 0 && !ids.Contains(spec.Ids[i])
                ? spec.Ids[i]
                : string.Create(CultureInfo.InvariantCulture, $"e{i}{spec.Ids[i]}.");
            while (ids.Contains(id))
            {
                id += "'";
            }

            ids.Add(id);
            builder.AddEntity(new Entity(id, SectorFacts.All[random.Next(SectorFacts.All.Count)], spec.Names[i]) { Note = spec.Names[(i + 1) % spec.Names.Length] });
        }

        for (var l = 0; l < ids.Count * 2 && ids.Count > 1; l++)
        {
            var from = random.Next(ids.Count);
            var to = (from + 1 + random.Next(ids.Count - 1)) % ids.Count;
            builder.AddLink(new Link(ids[from], ids[to], LinkKindFacts.All[random.Next(LinkKindFacts.All.Count)], Math.Round(random.NextDouble() * 20, 2))
            {
                Note = spec.Names[l % spec.Names.Length],
                Date = spec.Unit,
            });
        }

        return builder.Build();
    }

    internal sealed record GraphSpec(string[] Ids, string[] Names, string Unit, string Title, int Seed)
    {
        public override string ToString() => $"ids [{string.Join(" | ", Ids.Select(Show))}] names [{string.Join(" | ", Names.Select(Show))}] unit {Show(Unit)} title {Show(Title)} seed {Seed}";
    }
}
