using System.Text.RegularExpressions;
using AiContagion.Model;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Architecture;

/// <summary>
/// The library's namespaces depend one way (docs/architecture.md): each layer may use the layers below it, never one
/// above; within the engine layer only the listed family edges exist. Checked twice: on the compiled assembly
/// (metadata and IL, so a fully qualified name or a <c>var</c> cannot hide a dependency) and on the source's
/// <c>using AiContagion.…</c> lines (what a reader sees; no cycle at all).
/// </summary>
[TestClass]
public sealed partial class NamespaceDependencyTests
{
    /// <summary>
    /// The layers, lowest first. A namespace may use its own layer's namespaces only along <see cref="SameLayerEdges"/>.
    /// A new namespace must be placed here (and in docs/architecture.md) before it can ship: an unknown one fails.
    /// </summary>
    private static readonly string[][] Layers =
    [
        ["AiContagion.Numerics"],
        ["AiContagion.Model"],
        ["AiContagion.Io"],
        [
            "AiContagion.Cascades", "AiContagion.Cascades.Engines", "AiContagion.Centrality", "AiContagion.Flow", "AiContagion.Provenance", "AiContagion.Generators",
            "AiContagion.Valuation", "AiContagion.FireSales", "AiContagion.Reconstruction", // planned families (issues 19, 20, 15)
        ],
        ["AiContagion.Ranking", "AiContagion.Stress"],
        ["AiContagion.Export"],
        ["AiContagion"],
        ["AiContagion.DependencyInjection"],
    ];

    /// <summary>
    /// The edges allowed inside a layer. The cascade models and their engines are one family (the models choose and
    /// build engines; the engines fill the models' results), so they use each other; DebtRank impact is a centrality
    /// computed with a cascade model; the fire-sale cascade model (and, later, the fire-sale channel of the chain and runway
    /// models) runs the fire-sale family, which knows nothing of cascades.
    /// </summary>
    private static readonly HashSet<(string From, string To)> SameLayerEdges =
    [
        ("AiContagion.Cascades", "AiContagion.Cascades.Engines"),
        ("AiContagion.Cascades.Engines", "AiContagion.Cascades"),
        ("AiContagion.Centrality", "AiContagion.Cascades"),
        ("AiContagion.Cascades", "AiContagion.FireSales"), // the fire-sale cascade model runs the fire-sale family's engine
        ("AiContagion.Cascades.Engines", "AiContagion.FireSales"),
    ];

    private static readonly Dictionary<string, int> LayerOf = Layers
        .SelectMany((layer, i) => layer.Select(ns => (ns, i)))
        .ToDictionary(p => p.ns, p => p.i, StringComparer.Ordinal);

    private static IReadOnlyDictionary<(string From, string To), string> AssemblyEdges =>
        AssemblyReferences.NamespaceEdges(typeof(FinancingNetwork).Assembly.Location, "AiContagion");

    [TestMethod]
    public void Assembly_EveryNamespaceHasALayer()
    {
        var namespaces = typeof(FinancingNetwork).Assembly.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(ns => ns == "AiContagion" || ns.StartsWith("AiContagion.", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        var unplaced = namespaces.Where(ns => !LayerOf.ContainsKey(ns)).ToList();
        Assert.IsEmpty(unplaced, "namespaces without a layer (place them in Layers and docs/architecture.md): " + string.Join(", ", unplaced));
        Assert.IsGreaterThanOrEqualTo(10, namespaces.Count, "the assembly's namespaces were found: " + string.Join(", ", namespaces));
    }

    [TestMethod]
    public void Assembly_DependenciesPointDownTheLayers()
    {
        var wrong = AssemblyEdges
            .Where(e => !Allowed(e.Key.From, e.Key.To))
            .Select(e => $"{e.Key.From} → {e.Key.To} (e.g. {e.Value})")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.IsEmpty(wrong, "dependencies against the layers:\n" + string.Join("\n", wrong));
    }

    [TestMethod]
    public void Assembly_LayersAreActuallyUsed()
    {
        // The check above must see real dependencies, or it passes vacuously: a few that exist by design.
        var edges = AssemblyEdges.Keys.ToHashSet();

        Assert.Contains(("AiContagion.Io", "AiContagion.Model"), edges);
        Assert.Contains(("AiContagion.Cascades.Engines", "AiContagion.Model"), edges);
        Assert.Contains(("AiContagion.Cascades.Engines", "AiContagion.Numerics"), edges);
        Assert.Contains(("AiContagion.Ranking", "AiContagion.Cascades"), edges);
        Assert.Contains(("AiContagion.Export", "AiContagion.Stress"), edges);
        Assert.Contains(("AiContagion", "AiContagion.Export"), edges);
        Assert.Contains(("AiContagion.DependencyInjection", "AiContagion"), edges);

        // Parallelism appears in no signature or field of a ranking type, only in WithdrawalRanking's method bodies:
        // seen only because the IL is read.
        Assert.Contains(("AiContagion.Ranking", "AiContagion.Numerics"), edges);
    }

    [TestMethod]
    [DataRow("AiContagion.Stress", "AiContagion.Export", false)]
    [DataRow("AiContagion", "AiContagion.DependencyInjection", false)]
    [DataRow("AiContagion.Model", "AiContagion.Io", false)]
    [DataRow("AiContagion.Cascades", "AiContagion.Centrality", false)]
    [DataRow("AiContagion.Ranking", "AiContagion.Stress", false)]
    [DataRow("AiContagion.Centrality", "AiContagion.Cascades", true)]
    [DataRow("AiContagion.Export", "AiContagion.Stress", true)]
    [DataRow("AiContagion.Unknown", "AiContagion.Model", false)]
    public void Allowed_Table(string from, string to, bool expected) => Assert.AreEqual(expected, Allowed(from, to));

    [TestMethod]
    public void Assembly_EnginesAreUsedOnlyByTheirModels()
    {
        // The engines are the cascade models' internals: rankings, stress runs and centralities go through
        // PreparedCascade, never an engine.
        var users = AssemblyEdges.Keys.Where(e => e.To == "AiContagion.Cascades.Engines").Select(e => e.From).ToList();

        CollectionAssert.AreEqual(new[] { "AiContagion.Cascades" }, users);
    }

    [TestMethod]
    public void Assembly_NamespaceGraphOutsideTheCascadeFamilyHasNoCycle()
    {
        var graph = AssemblyEdges.Keys
            .Select(e => (From: Family(e.From), To: Family(e.To)))
            .Where(e => e.From != e.To)
            .ToHashSet();

        Assert.IsNull(Cycle(graph), "cycle: " + Cycle(graph));
    }

    [TestMethod]
    public void Sources_UsingDirectivesHaveNoCycleAndPointDown()
    {
        var graph = new HashSet<(string From, string To)>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, "src", "AiContagion"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            var own = FileNamespace().Match(text);
            if (!own.Success)
            {
                continue;
            }

            foreach (Match used in UsingDirective().Matches(text))
            {
                graph.Add((own.Groups[1].Value, used.Groups[1].Value));
            }
        }

        Assert.IsNotEmpty(graph);
        Assert.IsNull(Cycle(graph), "cycle among the using directives: " + Cycle(graph));
        var wrong = graph.Where(e => !Allowed(e.From, e.To)).Select(e => $"{e.From} → {e.To}").ToList();
        Assert.IsEmpty(wrong, string.Join("\n", wrong));
    }

    /// <summary>
    /// Packages with a narrow purpose stay in the one namespace that needs them, so the namespace could become its own
    /// package without touching the rest (docs/architecture.md: why charts stay in this package).
    /// </summary>
    [TestMethod]
    [DataRow("ScottPlot", "AiContagion.Export")]
    [DataRow("SkiaSharp", "AiContagion.Export")]
    [DataRow("Microsoft.Extensions.DependencyInjection", "AiContagion.DependencyInjection")]
    public void Assembly_PackageUsedOnlyBy(string package, string only)
    {
        var users = AssemblyReferences.AllEdges(typeof(FinancingNetwork).Assembly.Location, "AiContagion")
            .Where(e => e.Key.To == package || e.Key.To.StartsWith(package + ".", StringComparison.Ordinal))
            .Select(e => e.Key.From)
            .Distinct()
            .ToList();

        Assert.IsTrue(users.All(u => u == only), $"{package} used by {string.Join(", ", users)}");
        if (package != "SkiaSharp")
        {
            Assert.Contains(only, users, $"{package} is no longer used by {only}: update this test");
        }
    }

    [TestMethod]
    public void Cycle_FindsOne() =>
        Assert.AreEqual("a → b → c → a", Cycle([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]));

    private static bool Allowed(string from, string to) =>
        LayerOf.TryGetValue(from, out var a) && LayerOf.TryGetValue(to, out var b)
        && (b < a || (a == b && SameLayerEdges.Contains((from, to))));

    /// <summary>The cascade models and their engines count as one node.</summary>
    private static string Family(string ns) => ns == "AiContagion.Cascades.Engines" ? "AiContagion.Cascades" : ns;

    /// <summary>A cycle of the graph as "a → b → … → a", or null.</summary>
    private static string? Cycle(IEnumerable<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Order(StringComparer.Ordinal).ToList());
        var state = new Dictionary<string, int>();
        var path = new List<string>();
        foreach (var start in next.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start) is { } found)
            {
                return found;
            }
        }

        return null;

        string? Visit(string node)
        {
            if (state.GetValueOrDefault(node) == 1)
            {
                return string.Join(" → ", path.Skip(path.IndexOf(node)).Append(node));
            }

            if (state.GetValueOrDefault(node) == 2)
            {
                return null;
            }

            state[node] = 1;
            path.Add(node);
            foreach (var to in next.GetValueOrDefault(node) ?? [])
            {
                if (Visit(to) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
    }

    [GeneratedRegex(@"^namespace (AiContagion[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"^using (AiContagion[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();
}
