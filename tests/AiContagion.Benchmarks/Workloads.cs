using AiContagion.Cascades;
using AiContagion.Centrality;
using AiContagion.Flow;
using AiContagion.Model;
using AiContagion.Provenance;
using AiContagion.Ranking;
using AiContagion.Stress;

namespace AiContagion.Benchmarks;

/// <summary>
/// Every benchmarked operation, with the parameters the peer script (<c>tests/peers/compare.py</c>) uses for the
/// same operation, so that both sides solve the very same problem on the very same file.
/// </summary>
/// <remarks>
/// <para><b>Shared choices</b> (the peer script makes the same ones from the CSV files):</para>
/// <list type="bullet">
/// <item>PageRank: weighted by amount, damping 0.85, uniform teleport and dangling distribution; stops when the l1
/// change of the score vector is below 1e-10 (<see cref="PageRankOptions.Tolerance"/> = 1e-10 / n, since that option
/// follows NetworkX's n × tol criterion).</item>
/// <item>Max-flow: from every funding source (super-source) to the sink = the non-funding entity with the largest
/// in-strength (ties: lowest index), capacity = amount.</item>
/// <item>Betweenness: hops, unnormalised; exact up to 10⁵ links, <see cref="BetweennessSamples"/> seeded sources beyond.</item>
/// <item>Cascades: the "hit" entity is the non-funding entity with the largest amount of claim links into it (the
/// most-funded firm); Furfine, linear DebtRank and Eisenberg–Noe fail it; the funding cascade withdraws the funding
/// source with the largest out-strength.</item>
/// </list>
/// </remarks>
public static class Workloads
{
    /// <summary>Sampled betweenness sources on networks above 10⁵ links.</summary>
    public const int BetweennessSamples = 256;

    /// <summary>The l1 tolerance of PageRank (the change of the score vector between iterations).</summary>
    public const double PageRankL1Tolerance = 1e-10;

    /// <summary>Monte Carlo trials per stress benchmark run.</summary>
    public const int StressTrials = 1000;

    /// <summary>The sink of the max-flow benchmark: the non-funding entity with the largest in-strength.</summary>
    public static string Sink(FinancingNetwork network)
    {
        var index = network.Index;
        var strength = index.InStrength();
        var best = -1;
        for (var v = 0; v < index.EntityCount; v++)
        {
            if (!index.IsFundingSource[v] && (best < 0 || strength[v] > strength[best]))
            {
                best = v;
            }
        }

        return network.Entities[best].Id;
    }

    /// <summary>The funding source with the largest out-strength (ties: lowest index).</summary>
    public static string LargestFundingSource(FinancingNetwork network)
    {
        var index = network.Index;
        var strength = index.OutStrength();
        var best = -1;
        for (var v = 0; v < index.EntityCount; v++)
        {
            if (index.IsFundingSource[v] && (best < 0 || strength[v] > strength[best]))
            {
                best = v;
            }
        }

        return network.Entities[best].Id;
    }

    /// <summary>The non-funding entity with the largest amount of claim links into it (ties: lowest index).</summary>
    public static string MostFunded(FinancingNetwork network)
    {
        var index = network.Index;
        var claims = new double[index.EntityCount];
        for (var l = 0; l < index.LinkCount; l++)
        {
            if (index.Kind[l].IsClaim())
            {
                claims[index.LinkTo[l]] += index.Amount[l];
            }
        }

        var best = -1;
        for (var v = 0; v < index.EntityCount; v++)
        {
            if (!index.IsFundingSource[v] && (best < 0 || claims[v] > claims[best]))
            {
                best = v;
            }
        }

        return network.Entities[best].Id;
    }

    /// <summary>Weighted PageRank to an l1 change of 1e-10.</summary>
    public static CentralityScores PageRankOf(FinancingNetwork network) => PageRank.Compute(network, new PageRankOptions
    {
        Tolerance = PageRankL1Tolerance / Math.Max(1, network.EntityCount),
        MaxIterations = 1000,
    }).EnsureConverged();

    /// <summary>Max-flow from the funding sources to <paramref name="sink"/>.</summary>
    public static FlowResult MaximumFlowTo(FinancingNetwork network, string sink) =>
        MaximumFlow.Compute(network, EntitySelection.FundingSources, EntitySelection.Of(sink));

    /// <summary>Betweenness by hops, unnormalised: exact, or on <paramref name="samples"/> seeded sources.</summary>
    public static CentralityScores BetweennessOf(FinancingNetwork network, int? samples) =>
        BetweennessCentrality.Compute(network, new BetweennessOptions { Normalized = false, Samples = samples, Seed = 1 });

    /// <summary>The sample count for a network: exact (null) up to 10⁵ links.</summary>
    public static int? BetweennessSamplesFor(FinancingNetwork network) => network.LinkCount > 100_000 ? BetweennessSamples : null;

    /// <summary>Dominator tree from the funding sources.</summary>
    public static DominatorTree DominatorsOf(FinancingNetwork network) => DominatorTree.Compute(network);

    /// <summary>Money provenance of every entity.</summary>
    public static ProvenanceResult ProvenanceOf(FinancingNetwork network) => MoneyProvenance.Trace(network);

    /// <summary>Money provenance of one entity (the max-flow sink).</summary>
    public static ProvenanceResult ProvenanceOf(FinancingNetwork network, string target) =>
        MoneyProvenance.Trace(network, new ProvenanceOptions { Targets = [target] });

    /// <summary>Round-trip shares (circular money) of every entity.</summary>
    public static RoundTripResult RoundTripOf(FinancingNetwork network) => MoneyRoundTrip.Compute(network);

    /// <summary>Round-trip shares of the given entities.</summary>
    public static RoundTripResult RoundTripOf(FinancingNetwork network, IReadOnlyCollection<string> targets) =>
        MoneyRoundTrip.Compute(network, new ProvenanceOptions { Targets = targets });

    /// <summary>The funding cascade after the largest funding source withdraws (prepare + run).</summary>
    public static CascadeResult FundingCascade(FinancingNetwork network, string source) =>
        new FundingWithdrawalCascade().Run(network, CascadeShock.Withdraw(source));

    /// <summary>Furfine's credit-loss cascade after the most-funded entity fails (prepare + run).</summary>
    public static CascadeResult Furfine(FinancingNetwork network, string hit) =>
        new CreditLossCascade().Run(network, CascadeShock.Fail(hit));

    /// <summary>Eisenberg–Noe clearing after the most-funded entity fails (prepare + run).</summary>
    public static CascadeResult EisenbergNoe(FinancingNetwork network, string hit) =>
        new EisenbergNoeClearing().Run(network, CascadeShock.Fail(hit));

    /// <summary>Linear DebtRank after the most-funded entity fails (prepare + run).</summary>
    public static CascadeResult DebtRank(FinancingNetwork network, string hit) =>
        new LinearDebtRank().Run(network, CascadeShock.Fail(hit));

    /// <summary>The funding-model withdrawal ranking over every funding source (1,000 on the 10⁶-link network).</summary>
    public static RankingResult Ranking(FinancingNetwork network, int maxDegreeOfParallelism = -1) =>
        new WithdrawalRanking(new FundingWithdrawalCascade(), new WithdrawalRankingOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }).Rank(network);

    /// <summary>One 24-month runway run (prepare, the baseline, the shocked month loop): the largest funding source withdraws at month 0.</summary>
    public static CascadeResult Runway(FinancingNetwork network, string source) =>
        new RunwayCascade(new RunwayOptions { Months = 24 }).Run(network, CascadeShock.Withdraw(source));

    /// <summary>The runway's withdrawal ranking over every funding source, 24 months, against the no-shock baseline (issue 14).</summary>
    public static RankingResult RunwayRanking(FinancingNetwork network, int maxDegreeOfParallelism = -1) =>
        new WithdrawalRanking(new RunwayCascade(new RunwayOptions { Months = 24 }), new WithdrawalRankingOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }).Rank(network);

    /// <summary>Monte Carlo: <see cref="StressTrials"/> trials of the funding model, p = 0.01 per funding source.</summary>
    public static StressResult Stress(FinancingNetwork network) =>
        new StressTest(new FundingWithdrawalCascade(), new StressOptions { Trials = StressTrials, DefaultProbability = 0.01, Seed = 7 }).Run(network);
}
