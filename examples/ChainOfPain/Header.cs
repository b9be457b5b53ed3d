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
        var assumptions = analysis.Runway.Baseline!.Runway!.Assumptions;

        output.WriteLine("THE CHAIN OF PAIN");
        output.WriteLine("Which funding source, if it pulled out, would break the most of the AI financing chain?");
        output.WriteLine();
        output.WriteLine(Text($"Data    {analysis.FileName}: {network.EntityCount} entities, {network.LinkCount} links worth {analysis.Money(network.TotalAmount)} (deal totals), as of {network.Metadata.AsOf}."));
        output.WriteLine(Text($"        {sources.Count} funding sources: {string.Join(", ", bySector)}."));
        output.WriteLine(Text($"Model   On cash, month by month (the runway model), {analysis.Months} months from {analysis.MonthText(1)} to {analysis.MonthText(analysis.Months)}. Each link pays"));
        output.WriteLine("        its recipient on its schedule (its start and term, or its dated payments; a loan's interest and principal run");
        output.WriteLine("        back to the lender); each firm adds its outside revenue and pays its outside costs, a twelfth a month. A firm");
        output.WriteLine("        whose cash falls below 0 at a month's end fails and pays nothing more. A withdrawing source stops paying at");
        output.WriteLine("        the start. A link is down when its payer stopped while payments were still due, or (a claim) its recipient failed.");
        output.WriteLine("        Stake losses, margin calls and GPU-collateral sales are on: a failed issuer costs the holders of its shares");
        output.WriteLine("        share x value of capital; a loan whose collateral falls below its maxLtv is called; lenders sell a failed");
        output.WriteLine("        borrower's GPUs and every holder marks its GPUs down. On this data they change no result (the facts give no");
        output.WriteLine("        maxLtv, so no margin call can fire, and no holder's capital is exhausted by the mark-downs).");
        output.WriteLine(Text($"Cash    {assumptions.UnknownCash.Length} firms have no cash figure and take the unknown-cash rule ({assumptions.UnknownCashRuleText}): {string.Join(", ", assumptions.UnknownCash.Take(8).Select(analysis.Name))}{(assumptions.UnknownCash.Length > 8 ? Text($" and {assumptions.UnknownCash.Length - 8} more") : string.Empty)}."));
        output.WriteLine("        Funding sources without a cash figure have unlimited cash: they are the outside money.");
        foreach (var note in assumptions.Notes.Where(n => !n.Contains("unknown-cash rule", StringComparison.Ordinal)))
        {
            output.WriteLine("Timing  " + note);
        }
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
