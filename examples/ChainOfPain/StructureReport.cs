using AiContagion.Flow;
using AiContagion.Model;
using static AiContagion.Examples.ChainOfPain.ChainAnalysis;

namespace AiContagion.Examples.ChainOfPain;

/// <summary>Section 3: where the chain from the funding sources to NVIDIA is thinnest (minimum cuts, dominators).</summary>
internal static class StructureReport
{
    public static void Write(ChainAnalysis analysis, TextWriter output)
    {
        var network = analysis.Network;
        var target = network[analysis.Target];
        var flow = analysis.ToTarget;
        var linkInflow = network.LinksTo(target.Id).Sum(l => l.Amount);
        output.WriteLine();
        output.WriteLine(Text($"6. WHERE THE CHAIN TO {target.Name.ToUpperInvariant()} IS THINNEST: money paths from the {flow.Sources.Length} funding sources"));
        output.WriteLine(Text($"   {target.Name} takes in {analysis.Money(linkInflow + (target.Revenue ?? 0))}: {Amount(linkInflow)} through links, {Amount(target.Revenue ?? 0)} of its own reported revenue."));
        output.WriteLine(Text($"   Maximum flow from the funding sources to {target.Name}: {analysis.Money(flow.Value)}. A minimum cut of {flow.CutLinks.Length} link{(flow.CutLinks.Length == 1 ? string.Empty : "s")} carries all of it:"));
        foreach (var link in flow.CutLinks)
        {
            output.WriteLine(Text($"     {analysis.Name(link.From)} -> {analysis.Name(link.To)}  {link.Kind} {Amount(link.Amount)}"));
        }

        var dominators = analysis.Dominators.DominatorsOf(target.Id);
        output.WriteLine(Text($"   Fewest firms whose loss cuts every funding path to {target.Name}: {Names(analysis, analysis.EntityCut.Entities)}."));
        output.WriteLine(dominators.Count == 0
            ? Text($"   No single firm lies on every funding path to {target.Name} (no dominator).")
            : Text($"   Every funding path to {target.Name} passes through {Names(analysis, dominators)} (dominator{(dominators.Count == 1 ? string.Empty : "s")})."));
        var derived = network.LinksTo(target.Id).Where(l => flow.LinkFlows[IndexOf(network, l)] > 0 && l.Attributes.GetValueOrDefault("confidence") == "derived").ToList();
        if (derived.Count > 0)
        {
            output.WriteLine(Text($"   That path ends in a derived amount: {string.Join("; ", derived.Select(l => Text($"{analysis.Name(l.From)} -> {target.Name} {l.Kind} {Amount(l.Amount)} (facts row {l.Attributes.GetValueOrDefault("factsRow")}, the sum of rows {l.Attributes.GetValueOrDefault("basis")})")))}."));
            output.WriteLine("   See graphs/README.md, 'Derived amounts': the facts size no other purchase that funder money reaches.");
        }

        var chips = analysis.ToChipMakers;
        output.WriteLine(Text($"   To every chipmaker ({Names(analysis, chips.Sinks)}): maximum flow {analysis.Money(chips.Value)}, a cut of {chips.CutLinks.Length} links"));
        output.WriteLine(Text($"   ({string.Join("; ", chips.CutLinks.Select(l => Text($"{analysis.Name(l.From)} -> {analysis.Name(l.To)} {Amount(l.Amount)}")))})."));
        var points = analysis.Dominators.SinglePointsOfFailure().Take(5).ToList();
        if (points.Count > 0)
        {
            output.WriteLine(Text($"   Single points of failure in the whole chain (firm: how many others every funding path to which runs through it):"));
            output.WriteLine("   " + string.Join("; ", points.Select(p => Text($"{analysis.Name(p.Id)}: {p.DominatedCount}"))) + ".");
        }
    }

    public static string Names(ChainAnalysis analysis, IEnumerable<string> ids)
    {
        var names = ids.Select(analysis.Name).ToList();
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }

    private static int IndexOf(FinancingNetwork network, Link link)
    {
        for (var i = 0; i < network.LinkCount; i++)
        {
            if (ReferenceEquals(network.Links[i], link))
            {
                return i;
            }
        }

        throw new InvalidOperationException("The link is not in the network.");
    }
}
