using AiContagion.Cascades;
using AiContagion.Ranking;
using static AiContagion.Examples.ChainOfPain.ChainAnalysis;

namespace AiContagion.Examples.ChainOfPain;

/// <summary>Section 1: every funding source ranked by the links its withdrawal brings down.</summary>
internal static class RankingReport
{
    public const int Shown = 10;

    public static void Write(ChainAnalysis analysis, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(Text($"8. SECOND OPINION, THE STATIC FUNDING MODEL: {analysis.Funding.Candidates.Length} funding sources, each withdrawn alone in full"));
        output.WriteLine("   No months here: each link counts its whole deal total at once, set against one year's inflow, and a firm");
        output.WriteLine(Text($"   fails when the inflow it lost exceeds its buffer (cash / inflow, else the default tolerance {Baseline.Liquidity.DefaultTolerance})."));
        output.WriteLine("   A multi-year contract thus weighs as if it were lost in one year: this overstates the damage, and it is the");
        output.WriteLine(Text($"   reason the answer above uses the runway. Funding model (liquidity); top {Shown}:"));
        Table(analysis, analysis.Funding).WriteTo(output, "   ");
        output.WriteLine("   '=' marks a tie with the row above (same links, amount and failures): the order within a tie is file order.");
        output.WriteLine();
        if (analysis.ChainEqualsFunding)
        {
            output.WriteLine("   Chain model (liquidity and credit losses together): the same ranking, entry for entry. " + (analysis.CapitalKnown == 0
                ? "With no capital\n   figures in the data no firm fails by losses, so the credit channel adds nothing."
                : "No firm's credit\n   losses exceed its capital in these runs, so the credit channel adds nothing."));
        }
        else
        {
            output.WriteLine(Text($"   Chain model (liquidity and credit losses together), recovery {Baseline.Solvency.Recovery}; top {Shown}:"));
            Table(analysis, analysis.Chain).WriteTo(output, "   ");
        }
    }

    private static TextTable Table(ChainAnalysis analysis, RankingResult ranking)
    {
        var network = analysis.Network;
        var table = new TextTable(
            ("rank", true), ("funding source", false), ("sector", false), ("links down", true), ("direct", true),
            ("cascade", true), (network.Unit + " down", true), ("firms failed", true));
        CandidateRank? previous = null;
        foreach (var e in ranking.Entries.Take(Shown))
        {
            var tied = previous is not null && SameOutcome(previous, e);
            var source = network[e.Sources[0]];
            table.Add(
                (tied ? "=" : string.Empty) + e.Rank,
                e.Sources.Length == 1 ? source.Name : e.Label,
                source.Sector,
                Text($"{e.LinksDown} of {network.LinkCount}"),
                e.DirectLinks,
                e.CascadeLinks,
                Amount(e.AmountDown),
                e.EntitiesFailed);
            previous = e;
        }

        return table;
    }

    public static bool SameOutcome(CandidateRank a, CandidateRank b) =>
        a.LinksDown == b.LinksDown && a.AmountDown.Equals(b.AmountDown) && a.EntitiesFailed == b.EntitiesFailed;
}
