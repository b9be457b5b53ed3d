// The chain of pain: which funding source, if it pulled out, would break the most of the AI financing chain?
//
//   dotnet run --project examples/ChainOfPain [graph] [--out folder]
//
// Loads graphs/ai-chain.json (sourced deals, dated cash flows, balance sheets) and answers on cash, with the runway
// model over 24 months from the data's asOf: who runs out of cash with no withdrawal (the baseline); which funding
// source's withdrawal brings down the most beyond it; the worst cascade month by month; how sure that is over draws
// of the estimated amounts (1,000, seeded) and over the assumptions the data leave open (unknown cash, floor,
// horizon); where the chain to NVIDIA is thinnest, where its money comes from and how much comes back round; and the
// static funding model's ranking as a second opinion. Writes diagrams and charts to out/ (DOT always; SVG and PNG
// when Graphviz `dot` is on the PATH).
// Links point the way money moves: funder -> recipient, lender -> borrower, customer -> supplier.
using System.Globalization;
using AiContagion.Cascades;
using AiContagion.Flow;
using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Provenance;
using AiContagion.Ranking;

namespace AiContagion.Examples.ChainOfPain;

public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out);

    /// <summary>The whole example; tests call it with a copy of the data, a temporary folder and a string writer.</summary>
    public static int Run(string[] args, TextWriter output)
    {
        string? graph = null;
        var folder = "out";
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--out" && i + 1 < args.Length)
            {
                folder = args[++i];
            }
            else
            {
                graph = args[i];
            }
        }

        graph ??= ExamplePaths.Graph("ai-chain.json");
        var network = FinancingNetworkFile.Load(graph);
        var analysis = new ChainAnalysis(network, Path.GetFileName(graph));

        Header.Write(analysis, output);
        RunwayReport.WriteBaseline(analysis, output);
        RunwayReport.WriteRanking(analysis, output);
        RunwayReport.WriteCascade(analysis, output);
        RunwayReport.WriteUncertainty(analysis, output);
        RunwayReport.WriteSweep(analysis, output);
        StructureReport.Write(analysis, output);
        ProvenanceReport.Write(analysis, output);
        RankingReport.Write(analysis, output);
        var files = Diagrams.Write(analysis, folder, output);
        Summary.Write(analysis, files, output);
        return 0;
    }
}

/// <summary>Every result the report needs, computed once.</summary>
internal sealed class ChainAnalysis
{
    /// <summary>The static second opinion's assumptions: the library defaults (τ 0.25, recovery 0, capital unknown = immune, full withdrawal).</summary>
    public static readonly CascadeModelSettings Baseline = new();

    /// <summary>The runway's horizon: 24 months from the data's asOf (issue 16).</summary>
    public const int Horizon = 24;

    /// <summary>Draws of the estimated amounts in the uncertainty run, and its seed.</summary>
    public const int Draws = 1000;

    public const long Seed = 1;

    /// <summary>The firms common sense says no single withdrawal can sink: tens of billions in cash, hundreds in revenue.</summary>
    private static readonly string[] LargestFirms = ["alphabet", "amazon", "microsoft", "meta", "nvidia"];

    /// <summary>The runway's settings: 24 months, withdrawal at the start, floor 0, unknown cash from the tolerance rule.</summary>
    public static readonly CascadeModelSettings RunwaySettings = new() { Runway = new RunwayOptions { Months = Horizon, StakeLosses = true, MarginCalls = true, CollateralSales = true } };

    public ChainAnalysis(FinancingNetwork network, string fileName)
    {
        Network = network;
        FileName = fileName;
        AsOf = CalendarMonth.Parse(network.Metadata.AsOf ?? throw new ArgumentException("the network has no asOf: the runway counts months from it"));
        RunwayModel = CascadeModels.Create(CascadeModelKind.Runway, RunwaySettings);
        Runway = new WithdrawalRanking(RunwayModel).Rank(network);
        BaselineFailures = Runway.Baseline!.Runway!.FailureOrder;
        RunwayWorst = Runway.Entries[0];
        RunwayWorstCascade = Runway.Explain(RunwayWorst);
        Uncertainty = new UncertaintyRanking(RunwayModel, new UncertaintyRankingOptions { Draws = Draws, Seed = Seed }).Run(network);
        RunwaySweep = new RankingSweep(
            CascadeModelKind.Runway,
            [
                new SweepAxis(SweepParameter.UnknownCash, [-1, 0, 6, double.PositiveInfinity]),
                new SweepAxis(SweepParameter.Floor, [0, 0.5]),
                new SweepAxis(SweepParameter.Months, [12, 24, 36]),
            ],
            new RankingSweepOptions { ModelSettings = RunwaySettings, TopK = 3 }).Run(network);
        RoundTrip = MoneyRoundTrip.Compute(network);
        Funding = new WithdrawalRanking(CascadeModels.Create(CascadeModelKind.Funding, Baseline)).Rank(network);
        Chain = new WithdrawalRanking(CascadeModels.Create(CascadeModelKind.Chain, Baseline)).Rank(network);
        Worst = Funding.Entries[0];
        WorstCascade = Funding.Explain(Worst);
        Giants = [.. LargestFirms.Where(network.Contains)];
        GiantFailures = [.. Runway.Entries.Select(e => (e.Label, Runway.Explain(e)))
            .SelectMany(run => Giants.Where(run.Item2.IsFailed).Select(g => run.Label + " fails " + g))];
        Target = network.Contains("nvidia")
            ? "nvidia"
            : network.EntitiesIn(Sector.ChipMaker).OrderByDescending(e => network.LinksTo(e.Id).Sum(l => l.Amount)).ThenBy(e => e.Id, StringComparer.Ordinal).First().Id;
        var sources = EntitySelection.FundingSources;
        ToTarget = MaximumFlow.Compute(network, sources, EntitySelection.Of(Target));
        ToChipMakers = MaximumFlow.Compute(network, sources, EntitySelection.InSector(Sector.ChipMaker));
        EntityCut = MinimumEntityCut.Compute(network, sources, EntitySelection.Of(Target));
        Dominators = DominatorTree.Compute(network, sources);
        Provenance = MoneyProvenance.Trace(network);
    }

    public FinancingNetwork Network { get; }

    /// <summary>The data's asOf month: month 0 is the state then, month 1 the asOf month itself.</summary>
    public CalendarMonth AsOf { get; }

#pragma warning disable CA1822 // an instance member, so the reports read every figure from the analysis
    public int Months => Horizon;
#pragma warning restore CA1822

    public ICascadeModel RunwayModel { get; }

    /// <summary>The runway ranking, counted beyond the no-withdrawal baseline.</summary>
    public RankingResult Runway { get; }

    /// <summary>Who runs out of cash with no withdrawal, in order.</summary>
    public System.Collections.Immutable.ImmutableArray<EntityRunway> BaselineFailures { get; }

    public CandidateRank RunwayWorst { get; }

    public CascadeResult RunwayWorstCascade { get; }

    public UncertaintyRankingResult Uncertainty { get; }

    public RankingSweepResult RunwaySweep { get; }

    /// <summary>Each firm's share of income that is its own money coming back round (MoneyRoundTrip).</summary>
    public RoundTripResult RoundTrip { get; }

    /// <summary>Month k as YYYY-MM (month 1 = the asOf month); month 0 is "start".</summary>
    public string MonthText(int month) => month == 0 ? "start  " : AsOf.AddMonths(month - 1).ToString();

    public string FileName { get; }

    public RankingResult Funding { get; }

    public RankingResult Chain { get; }

    public CandidateRank Worst { get; }

    public CascadeResult WorstCascade { get; }

    /// <summary>The five largest firms (those of them in the file): common sense says no single withdrawal fails them.</summary>
    public System.Collections.Immutable.ImmutableArray<string> Giants { get; }

    /// <summary>"source fails giant" for every funding source whose withdrawal fails one of <see cref="Giants"/> on cash (expected empty).</summary>
    public System.Collections.Immutable.ImmutableArray<string> GiantFailures { get; }

    /// <summary>The chipmaker the money is traced to: NVIDIA, or the chipmaker receiving the most through links.</summary>
    public string Target { get; }

    /// <summary>Maximum flow and minimum cut from every funding source to the target.</summary>
    public FlowResult ToTarget { get; }

    /// <summary>Maximum flow and minimum cut from every funding source to every chipmaker.</summary>
    public FlowResult ToChipMakers { get; }

    /// <summary>The fewest entities whose removal cuts every funding path to the target.</summary>
    public EntityCutResult EntityCut { get; }

    /// <summary>Dominators from the funding sources: the entities every funding path to another passes through.</summary>
    public DominatorTree Dominators { get; }

    /// <summary>Each entity's inflow traced back to its origins (funding sources, outside revenue).</summary>
    public ProvenanceResult Provenance { get; }

    /// <summary>Whether the chain model ranks exactly as the funding model (no credit-loss failure anywhere).</summary>
    public bool ChainEqualsFunding => Funding.Entries.SequenceEqual(Chain.Entries);

    public string Name(string id) => Network[id].Name;

    /// <summary>How many entities have a capital or external-asset figure (the solvency channel needs one).</summary>
    public int CapitalKnown => Network.Entities.Count(e => e.Capital is not null || e.ExternalAssets is not null);

    /// <summary>"46-73", or "8" when both ends agree.</summary>
    public static string Range(double low, double high, Func<double, string>? format = null)
    {
        format ??= v => v.ToString("#,0.#", CultureInfo.InvariantCulture);
        return low == high ? format(low) : format(low) + "-" + format(high);
    }

    public static string Amount(double value) => value.ToString("#,0.#", CultureInfo.InvariantCulture);

    /// <summary>An amount with the network's unit, e.g. "1,667 USD bn".</summary>
    public string Money(double value) => Amount(value) + " " + Network.Unit;

    public static string Percent(double share) => share.ToString("0%", CultureInfo.InvariantCulture);

    public static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
