using AiContagion.Model;
using static AiContagion.Examples.ChainOfPain.ChainAnalysis;

namespace AiContagion.Examples.ChainOfPain;

/// <summary>The question, the data and the assumptions that decide the answer.</summary>
internal static class Header
{
    public static void Write(ChainAnalysis analysis, TextWriter output)
    {
        var network = analysis.Network;
        var sources = network.FundingSources;
        var bySector = sources.GroupBy(s => s.Sector).OrderByDescending(g => g.Count()).Select(g => Text($"{g.Count()} {g.Key}"));
        var (withTolerance, withCash, withDefault) = Buffers(network);
        var withCapital = analysis.CapitalKnown;

        output.WriteLine("THE CHAIN OF PAIN");
        output.WriteLine("Which funding source, if it pulled out, would break the most of the AI financing chain?");
        output.WriteLine();
        output.WriteLine(Text($"Data    {analysis.FileName}: {network.EntityCount} entities, {network.LinkCount} links worth {analysis.Money(network.TotalAmount)} (deal totals), as of {network.Metadata.AsOf}."));
        output.WriteLine(Text($"        {sources.Count} funding sources: {string.Join(", ", bySector)}."));
        output.WriteLine("Model   A link is money moving from payer to recipient. A withdrawing source stops its links; a firm fails when");
        output.WriteLine("        the inflow it lost exceeds its buffer (tolerance x inflow, inflow = links in + revenue), and a failed firm");
        output.WriteLine("        stops paying in turn. A link is down when its payer stopped, or (for a claim) when its recipient failed.");
        output.WriteLine(Text($"Buffers Of the {withTolerance + withCash + withDefault} entities that receive money, {withCash} have a cash figure (buffer = cash / inflow){(withTolerance > 0 ? Text($", {withTolerance} a tolerance") : string.Empty)};"));
        output.WriteLine(Text($"        the other {withDefault} take the default tolerance {Baseline.Liquidity.DefaultTolerance} (a quarter of a year's inflow).{(withDefault > withCash + withTolerance ? " That default decides most failures." : string.Empty)}"));
        output.WriteLine(withCapital == 0
            ? "Capital No entity has a capital or external-asset figure, so credit losses fail nobody (capital unknown = immune)."
            : Text($"Capital {withCapital} entities have a capital or balance-sheet figure; the others are immune to credit losses."));
    }

    /// <summary>How the buffer of each non-funder with inflow is found: its tolerance, its cash, or the default.</summary>
    public static (int Tolerance, int Cash, int Default) Buffers(FinancingNetwork network)
    {
        int tolerance = 0, cash = 0, fallback = 0;
        foreach (var entity in network.Entities.Where(e => network.Inflow(e.Id) > 0))
        {
            if (entity.Tolerance is not null)
            {
                tolerance++;
            }
            else if (entity.Cash is not null)
            {
                cash++;
            }
            else
            {
                fallback++;
            }
        }

        return (tolerance, cash, fallback);
    }

    /// <summary>The documented tolerance rule (LiquidityOptions): tolerance, else cash / inflow capped to [0, 1], else the default.</summary>
    public static (double Tolerance, string Basis) ToleranceOf(FinancingNetwork network, Entity entity, double defaultTolerance)
    {
        var inflow = network.Inflow(entity.Id);
        return entity.Tolerance is { } t ? (t, "its tolerance")
            : entity.Cash is { } c && inflow > 0 ? (Math.Clamp(c / inflow, 0, 1), Text($"cash {Amount(c)}"))
            : (defaultTolerance, "default");
    }
}
