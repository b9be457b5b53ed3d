using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AiContagion.Cascades;
using AiContagion.Centrality;
using AiContagion.Export;
using AiContagion.Flow;
using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Provenance;
using AiContagion.Ranking;
using AiContagion.Stress;
using AiContagion.Tests.Cascades;
using AiContagion.Tests.Support;
using CsCheck;

namespace AiContagion.Tests.Ship;

/// <summary>
/// Properties every model of the library keeps, on random networks (CsCheck): the same input gives the same result
/// (including across thread counts), no model changes the network it is given, and a cancelled token stops every
/// model that takes one. Each model's whole public result is compared, serialised to JSON, so a difference anywhere
/// in it counts.
/// </summary>
[TestClass]
public sealed class ModelPropertyTests
{
    private static readonly JsonSerializerOptions Fingerprint = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        MaxDepth = 256,
        Converters = { new JsonStringEnumConverter() },

        // Results echo their options; the thread count is the one setting that must not change anything else.
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    foreach (var property in info.Properties.Where(p => p.Name == "MaxDegreeOfParallelism").ToList())
                    {
                        info.Properties.Remove(property);
                    }
                },
            },
        },
    };

    /// <summary>One model run: its name, and the run itself (threads: a degree of parallelism where the model has one).</summary>
    private sealed record ModelRun(string Name, Func<FinancingNetwork, int, CancellationToken, object> Run);

    private static IEnumerable<ModelRun> Models(FinancingNetwork network)
    {
        var ids = network.Entities.Select(e => e.Id).ToArray();
        var some = ids.Where((_, i) => i % 3 == 0).ToArray();
        var sink = ids[^1];
        foreach (var kind in CascadeModels.All)
        {
            var model = CascadeModels.Create(kind);
            var shock = (model.Accepts & ShockChannels.Withdrawal) != 0 ? CascadeShock.Withdraw(0.7, some) : CascadeShock.Fail(some);
            yield return new($"cascade {kind}", (n, _, ct) => model.Run(n, shock, ct));
            var candidateShock = (model.Accepts & ShockChannels.Withdrawal) != 0 ? CandidateShock.Withdraw : CandidateShock.Fail;
            yield return new($"ranking {kind}", (n, threads, ct) => new WithdrawalRanking(model, new WithdrawalRankingOptions
            {
                Candidates = RankingCandidates.AllEntities,
                Shock = candidateShock,
                MaxDegreeOfParallelism = threads,
            }).Rank(n, null, ct));
        }

        yield return new("ranking pairs", (n, threads, ct) => new WithdrawalRanking(new FundingWithdrawalCascade(), new WithdrawalRankingOptions
        {
            Candidates = RankingCandidates.AllEntities,
            Mode = RankingMode.Pairs,
            MaxDegreeOfParallelism = threads,
        }).Rank(n, null, ct));
        yield return new("ranking greedy", (n, threads, ct) => new WithdrawalRanking(new ChainCascade(), new WithdrawalRankingOptions
        {
            Candidates = RankingCandidates.AllEntities,
            Mode = RankingMode.Greedy,
            GreedySetSize = 2,
            MaxDegreeOfParallelism = threads,
        }).Rank(n, null, ct));
        yield return new("ranking sweep", (n, threads, ct) => new RankingSweep(
            CascadeModelKind.Chain,
            [new SweepAxis(SweepParameter.DefaultTolerance, [0.1, 0.5]), new SweepAxis(SweepParameter.Recovery, [0, 0.4])],
            new RankingSweepOptions { Ranking = new WithdrawalRankingOptions { Candidates = RankingCandidates.AllEntities, MaxDegreeOfParallelism = threads } })
            .Run(n, null, ct));
        yield return new("pagerank", (n, _, ct) => PageRank.Compute(n, cancellationToken: ct));
        yield return new("eigenvector", (n, _, ct) => EigenvectorCentrality.Compute(n, cancellationToken: ct));
        yield return new("katz", (n, _, ct) => KatzCentrality.Compute(n, cancellationToken: ct));
        yield return new("betweenness", (n, threads, ct) => BetweennessCentrality.Compute(n, new BetweennessOptions { MaxDegreeOfParallelism = threads }, ct));
        yield return new("harmonic", (n, _, ct) => HarmonicCentrality.Compute(n, cancellationToken: ct));
        yield return new("maximum flow", (n, _, ct) => MaximumFlow.Compute(n, EntitySelection.Of(some), EntitySelection.Of(sink), ct));
        yield return new("entity cut", (n, _, ct) => MinimumEntityCut.Compute(n, EntitySelection.Of(some), EntitySelection.Of(sink), cancellationToken: ct));
        yield return new("dominators", (n, _, ct) => DominatorTree.Compute(n, EntitySelection.Of(some), ct));
        yield return new("provenance", (n, _, ct) => MoneyProvenance.Trace(n, cancellationToken: ct));
        yield return new("stress", (n, threads, ct) => new StressTest(new ChainCascade(), new StressOptions
        {
            Trials = 64,
            DefaultProbability = 0.2,
            Correlation = 0.3,
            Seed = 11,
            MaxDegreeOfParallelism = threads,
        }).Run(n, null, ct));
        yield return new("runway", (n, _, ct) => RunwayRuns.Run(new RunwayOptions { Months = 12 }, n, some, ct));
    }

    private static IEnumerable<ModelRun> UncancellableModels() =>
    [
        new("strength", (n, _, _) => StrengthCentrality.Compute(n)),
        new("dot", (n, _, _) => DotWriter.ToDot(n)),
    ];

    /// <summary>The result (or the exception) of a run, as text: equal texts mean equal results.</summary>
    private static string Outcome(ModelRun model, FinancingNetwork network, int threads)
    {
        try
        {
            var result = model.Run(network, threads, CancellationToken.None);
            return result as string ?? JsonSerializer.Serialize(result, result.GetType(), Fingerprint);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or CascadeConvergenceException)
        {
            // A refusal must be as deterministic as a result; it is compared by type and message.
            return $"threw {e.GetType().Name}: {e.Message}";
        }
    }

    // Same network, same options → the same whole result, whatever the thread count (1 or 2 workers).
    [TestMethod]
    public void EveryModel_SameInput_SameResultAtAnyThreadCount()
    {
        var succeeded = new Dictionary<string, int>();
        CascadeGen.Network.Sample(network =>
        {
            foreach (var model in Models(network).Concat(UncancellableModels()))
            {
                var first = Outcome(model, network, 1);
                var again = Outcome(model, network, 2);
                Assert.AreEqual(first, again, $"{model.Name}: two runs differ on\n{JsonNetworkWriter.ToJson(network)}");
                if (!first.StartsWith("threw ", StringComparison.Ordinal))
                {
                    succeeded[model.Name] = succeeded.GetValueOrDefault(model.Name) + 1;
                }
            }
        }, iter: 40, threads: 1);

        // Not vacuous: every model produced a result on several networks (a cut or a flow is refused when the
        // sources reach the sink directly or not at all; that refusal was compared above).
        foreach (var model in Models(Networks.ToyChain()).Concat(UncancellableModels()))
        {
            Assert.IsGreaterThanOrEqualTo(3, succeeded.GetValueOrDefault(model.Name), $"{model.Name} succeeded on too few random networks");
        }
    }

    // No model changes the network: its JSON text, its entities and links, and its compact index are the same after
    // every model ran.
    [TestMethod]
    public void EveryModel_NeverMutatesTheNetwork()
    {
        CascadeGen.Network.Sample(network =>
        {
            var json = JsonNetworkWriter.ToJson(network);
            var entities = network.Entities.ToArray();
            var links = network.Links.ToArray();
            var index = Snapshot(network.Index);
            foreach (var model in Models(network).Concat(UncancellableModels()))
            {
                Outcome(model, network, 2);
                Assert.AreEqual(json, JsonNetworkWriter.ToJson(network), $"{model.Name} changed the network");
                CollectionAssert.AreEqual(entities, network.Entities.ToArray(), model.Name);
                CollectionAssert.AreEqual(links, network.Links.ToArray(), model.Name);
                Assert.AreEqual(index, Snapshot(network.Index), $"{model.Name} changed the compact index");
            }
        }, iter: 15, threads: 1);
    }

    // A token cancelled before the call stops every model that takes one, with OperationCanceledException.
    [TestMethod]
    public void EveryModel_CancelledToken_ThrowsOperationCanceled()
    {
        var network = Networks.Random(60, 300, 5);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        foreach (var model in Models(network))
        {
            // Assert.Throws (not ThrowsExactly): a cancelled parallel run may surface as TaskCanceledException.
            Assert.Throws<OperationCanceledException>(() => model.Run(network, 2, cancelled.Token), model.Name);
        }

        Assert.Throws<OperationCanceledException>(() => GaiKapadiaExperiment.Run(new GaiKapadiaExperimentOptions { Banks = 50, TrialsPerDegree = 4 }, null, cancelled.Token));
    }

    // The Gai–Kapadia experiment builds its own networks from a seed: the same options give the same curve whatever
    // the thread count.
    [TestMethod]
    public void GaiKapadiaExperiment_SameSeed_SameCurveAtAnyThreadCount()
    {
        var options = new GaiKapadiaExperimentOptions { Banks = 60, TrialsPerDegree = 8, AverageDegrees = [1, 4, 8], Seed = 3 };
        var one = GaiKapadiaExperiment.Run(options with { MaxDegreeOfParallelism = 1 }).ToCsv();
        var two = GaiKapadiaExperiment.Run(options with { MaxDegreeOfParallelism = 2 }).ToCsv();
        Assert.AreEqual(one, two);
    }

    private static string Snapshot(NetworkIndex index) => string.Join(
        "|",
        string.Join(",", index.LinkFrom), string.Join(",", index.LinkTo), string.Join(",", index.Amount.Select(a => a.ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
        string.Join(",", index.Kind), string.Join(",", index.OutStart), string.Join(",", index.OutLinks), string.Join(",", index.InStart), string.Join(",", index.InLinks),
        string.Join(",", index.Cash), string.Join(",", index.Capital), string.Join(",", index.Tolerance), string.Join(",", index.ExternalAssets),
        string.Join(",", index.ExternalLiabilities), string.Join(",", index.Revenue), string.Join(",", index.Costs), string.Join(",", index.IsFundingSource),
        string.Join(",", index.Sector));
}
