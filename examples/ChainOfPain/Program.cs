// The chain of pain: which funding source, if it pulled out, would break the most of the AI financing chain?
//
//   dotnet run --project examples/ChainOfPain [graph] [--out folder]
//
// Loads graphs/ai-chain.json (sourced deals and balance sheets), ranks every funding source by the links its
// withdrawal brings down under the funding and chain models, replays the worst cascade round by round, finds where
// the chain to NVIDIA is thinnest and where its money comes from, tests how the answer moves with the assumptions,
// and writes diagrams and a chart to out/ (DOT always; SVG and PNG when Graphviz `dot` is on the PATH).
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
        RankingReport.Write(analysis, output);
        CascadeReport.Write(analysis, output);
        StructureReport.Write(analysis, output);
        ProvenanceReport.Write(analysis, output);
        SweepReport.Write(analysis, output);
        var files = Diagrams.Write(analysis, folder, output);
        Summary.Write(analysis, files, output);
        return 0;
    }
}

/// <summary>Every result the report needs, computed once.</summary>
internal sealed class ChainAnalysis
{
    /// <summary>The baseline assumptions: the library defaults (τ 0.25, recovery 0, capital unknown = immune, full withdrawal).</summary>
    public static readonly CascadeModelSettings Baseline = new();

    public ChainAnalysis(FinancingNetwork network, string fileName)
    {
        Network = network;
        FileName = fileName;
        Funding = new WithdrawalRanking(CascadeModels.Create(CascadeModelKind.Funding, Baseline)).Rank(network);
        Chain = new WithdrawalRanking(CascadeModels.Create(CascadeModelKind.Chain, Baseline)).Rank(network);
        Worst = Funding.Entries[0];
        WorstCascade = Funding.Explain(Worst);
        Target = network.Contains("nvidia")
            ? "nvidia"
            : network.EntitiesIn(Sector.ChipMaker).OrderByDescending(e => network.LinksTo(e.Id).Sum(l => l.Amount)).ThenBy(e => e.Id, StringComparer.Ordinal).First().Id;
        var sources = EntitySelection.FundingSources;
        ToTarget = MaximumFlow.Compute(network, sources, EntitySelection.Of(Target));
        ToChipMakers = MaximumFlow.Compute(network, sources, EntitySelection.InSector(Sector.ChipMaker));
        EntityCut = MinimumEntityCut.Compute(network, sources, EntitySelection.Of(Target));
        Dominators = DominatorTree.Compute(network, sources);
        Provenance = MoneyProvenance.Trace(network);
        Sweep = new RankingSweep(
            CascadeModelKind.Chain,
            [new SweepAxis(SweepParameter.DefaultTolerance, [0.1, 0.25, 0.5]), new SweepAxis(SweepParameter.Recovery, [0, 0.4])],
            new RankingSweepOptions { ModelSettings = Baseline, TopK = 3 }).Run(network);
    }

    public FinancingNetwork Network { get; }

    public string FileName { get; }

    public RankingResult Funding { get; }

    public RankingResult Chain { get; }

    public CandidateRank Worst { get; }

    public CascadeResult WorstCascade { get; }

    public RankingSweepResult Sweep { get; }

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
