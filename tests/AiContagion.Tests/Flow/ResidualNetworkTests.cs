using AiContagion.Flow;
using AiContagion.Model;
using AiContagion.Tests.Support;
using CsCheck;

namespace AiContagion.Tests.Flow;

/// <summary>
/// <see cref="ResidualNetwork.ForLinks"/> (the residual network built straight from the index, what
/// <see cref="MaximumFlow"/> uses) against the arc-by-arc build it replaced (<see cref="ResidualNetwork.AddArc"/> for
/// every link with an amount, then the super-source and super-sink arcs, then <see cref="ResidualNetwork.Freeze"/>).
/// </summary>
[TestClass]
public sealed class ResidualNetworkTests
{
    [TestMethod]
    public void ForLinks_RandomNetworks_SameFlowCutAndLinkFlowsAsArcByArc() =>
        Gen.Select(Gen.Int[3, 40], Gen.Int[0, 160], Gen.Int, Gen.Double[0, 0.3]).Sample((n, m, seed, zeroShare) =>
        {
            var network = WithZeroAmounts(Networks.Random(n, m, seed, withOptional: false), zeroShare, seed);
            var random = new Random(seed);
            var sources = Enumerable.Range(0, n).Where(_ => random.NextDouble() < 0.3).ToArray();
            var sinks = Enumerable.Range(0, n).Except(sources).Where(_ => random.NextDouble() < 0.3).ToArray();
            if (sources.Length == 0 || sinks.Length == 0)
            {
                return;
            }

            var index = network.Index;
            var arcByArc = new ResidualNetwork(n + 2, m + sources.Length + sinks.Length);
            var pairOfLink = new int[m];
            for (var l = 0; l < m; l++)
            {
                pairOfLink[l] = index.Amount[l] > 0 ? arcByArc.AddArc(index.LinkFrom[l], index.LinkTo[l], index.Amount[l]) : -1;
            }

            foreach (var s in sources)
            {
                arcByArc.AddArc(n, s, double.PositiveInfinity);
            }

            foreach (var t in sinks)
            {
                arcByArc.AddArc(t, n + 1, double.PositiveInfinity);
            }

            arcByArc.Freeze();
            var direct = ResidualNetwork.ForLinks(index, sources, sinks);

            Assert.AreEqual(arcByArc.MaximumFlow(n, n + 1, default), direct.MaximumFlow(n, n + 1, default), 0.0, "value, to the last bit");
            CollectionAssert.AreEqual(arcByArc.Reachable(n), direct.Reachable(n), "source side");
            var flows = direct.LinkFlows(index);
            for (var l = 0; l < m; l++)
            {
                Assert.AreEqual(pairOfLink[l] < 0 ? 0.0 : arcByArc.FlowOn(pairOfLink[l]), flows[l], 0.0, $"flow on link {l}");
            }
        }, iter: 300);

    [TestMethod]
    public void ForLinks_ZeroAmountLinks_CarryNothing()
    {
        // a -> b 0 (no money), a -> b 5, b -> c 0, b -> c 2: the flow a -> c is 2, on the links with an amount only.
        var network = Centrality.PageRankTests.Chain(("a", "b", 0), ("a", "b", 5), ("b", "c", 0), ("b", "c", 2));

        var result = MaximumFlow.Compute(network, EntitySelection.Of("a"), EntitySelection.Of("c"));

        Assert.AreEqual(2, result.Value, 0);
        CollectionAssert.AreEqual(new[] { 0.0, 2.0, 0.0, 2.0 }, result.LinkFlows.ToArray());
        CollectionAssert.AreEqual(new[] { 3 }, result.CutLinkIndices.ToArray());
        CollectionAssert.AreEqual(new[] { "a", "b" }, result.SourceSide.ToArray());
    }

    [TestMethod]
    public void MaximumFlow_RandomNetworks_SameValueAsPlainEdmondsKarp() =>
        Gen.Select(Gen.Int[2, 30], Gen.Int[0, 200], Gen.Int).Sample((n, m, seed) =>
        {
            // Dinic with levels searched from both ends against the textbook shortest-augmenting-path method on a
            // capacity matrix (parallel links added), written here independently of the library.
            var network = Networks.Random(n, m, seed, withOptional: false);
            var random = new Random(seed);
            var sources = Enumerable.Range(0, n).Where(_ => random.NextDouble() < 0.2).ToArray();
            var sinks = Enumerable.Range(0, n).Except(sources).Where(_ => random.NextDouble() < 0.2).ToArray();
            if (sources.Length == 0 || sinks.Length == 0)
            {
                return;
            }

            var index = network.Index;
            var residual = ResidualNetwork.ForLinks(index, sources, sinks);
            var value = residual.MaximumFlow(n, n + 1, default);

            var expected = EdmondsKarp(n, index.LinkFrom, index.LinkTo, index.Amount, sources, sinks);
            Assert.AreEqual(expected, value, 1e-9 * Math.Max(1, network.TotalAmount));
        }, iter: 400);

    private static double EdmondsKarp(int n, int[] from, int[] to, double[] amount, int[] sources, int[] sinks)
    {
        var size = n + 2;
        var capacity = new double[size, size];
        for (var l = 0; l < from.Length; l++)
        {
            capacity[from[l], to[l]] += amount[l];
        }

        foreach (var s in sources)
        {
            capacity[n, s] = double.PositiveInfinity;
        }

        foreach (var t in sinks)
        {
            capacity[t, n + 1] = double.PositiveInfinity;
        }

        var total = 0.0;
        while (true)
        {
            var parent = Enumerable.Repeat(-1, size).ToArray();
            parent[n] = n;
            var queue = new Queue<int>([n]);
            while (queue.TryDequeue(out var v) && parent[n + 1] < 0)
            {
                for (var w = 0; w < size; w++)
                {
                    if (parent[w] < 0 && capacity[v, w] > 1e-12)
                    {
                        parent[w] = v;
                        queue.Enqueue(w);
                    }
                }
            }

            if (parent[n + 1] < 0)
            {
                return total;
            }

            var bottleneck = double.PositiveInfinity;
            for (var w = n + 1; w != n; w = parent[w])
            {
                bottleneck = Math.Min(bottleneck, capacity[parent[w], w]);
            }

            for (var w = n + 1; w != n; w = parent[w])
            {
                capacity[parent[w], w] -= bottleneck;
                capacity[w, parent[w]] += bottleneck;
            }

            total += bottleneck;
        }
    }

    private static FinancingNetwork WithZeroAmounts(FinancingNetwork network, double share, int seed)
    {
        var random = new Random(seed ^ 0x5eed);
        var builder = FinancingNetwork.CreateBuilder();
        foreach (var e in network.Entities)
        {
            builder.AddEntity(e);
        }

        foreach (var link in network.Links)
        {
            builder.AddLink(random.NextDouble() < share ? link with { Amount = 0 } : link);
        }

        return builder.Build();
    }
}
