using AiContagion.Model;

namespace AiContagion.Tests.Export;

/// <summary>
/// The published numeric cases of graphs/textbook/README.md (C1–C6) as financing networks, so the
/// diagram tests draw every published case graph. "i owes j" (L[i][j]) is written both ways docs/concepts.md
/// allows: a commercial link i → j, and a debt link (Loan) j → i.
/// </summary>
internal static class PublishedCaseGraphs
{
    public static IEnumerable<(string Name, FinancingNetwork Network)> All()
    {
        // C1: Eisenberg–Noe, 3 entities (siebenbrunner/NetworkValuation example).
        double[,] c1 = { { 0, 20, 10 }, { 5, 0, 24 }, { 10, 0, 0 } };
        yield return ("C1 commercial", FromLiabilities("C1", c1, [10, 10, 10], null, debt: false));
        yield return ("C1 debt", FromLiabilities("C1", c1, [10, 10, 10], null, debt: true));

        // C2: greatest clearing vector (FinNetValu test_rogers.jl).
        yield return ("C2", FromLiabilities("C2", new double[,] { { 0, 0.1, 0.7 }, { 2.0, 0, 10.5 }, { 0, 8.4, 0 } }, [1, 1, 1], null, debt: true));

        // C3: seniority of external liabilities (BdF-2017 toy system).
        yield return ("C3", FromLiabilities("C3", new double[,] { { 0, 4, 0 }, { 0, 0, 3 }, { 2, 0, 0 } }, [20, 20, 10], [17, 18, 8], debt: false));

        // C4: systemicrisk help-page example, every off-diagonal L[i][j] = 0.5.
        yield return ("C4", FromLiabilities("C4", new double[,] { { 0, 0.5, 0.5 }, { 0.5, 0, 0.5 }, { 0.5, 0.5, 0 } }, [0.5, 0.625, 0.75], [1.5, 0.5, 0.5], debt: true));

        // C5: DebtRank (Battiston et al. 2012): row holds a claim on column → a loan from holder to debtor.
        var c5 = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata { Title = "C5 DebtRank", Unit = "units" })
            .AddEntity(new Entity("a", Sector.Bank) { Capital = 2 })
            .AddEntity(new Entity("b", Sector.Bank) { Capital = 5 })
            .AddEntity(new Entity("c", Sector.Bank) { Capital = 2 })
            .AddLink(new Link("a", "b", LinkKind.Loan, 1))
            .AddLink(new Link("b", "a", LinkKind.Loan, 10))
            .AddLink(new Link("b", "c", LinkKind.Loan, 3))
            .AddLink(new Link("c", "a", LinkKind.Loan, 3))
            .AddLink(new Link("c", "b", LinkKind.Loan, 2))
            .Build();
        yield return ("C5", c5);

        // C6: PageRank (NetworkX test suite graph), unit weights; node 2 is dangling.
        var c6 = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata { Title = "C6 PageRank", Unit = "units" });
        for (var i = 1; i <= 6; i++)
        {
            c6.AddEntity(new Entity(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Sector.Other));
        }

        foreach (var (from, to) in new[] { (1, 2), (1, 3), (3, 1), (3, 2), (3, 5), (4, 5), (4, 6), (5, 4), (5, 6), (6, 4) })
        {
            c6.AddLink(new Link(from.ToString(System.Globalization.CultureInfo.InvariantCulture), to.ToString(System.Globalization.CultureInfo.InvariantCulture), LinkKind.Services, 1));
        }

        yield return ("C6", c6.Build());
    }

    private static FinancingNetwork FromLiabilities(string title, double[,] owed, double[] externalAssets, double[]? externalLiabilities, bool debt)
    {
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata { Title = title, Unit = "units" });
        var n = externalAssets.Length;
        for (var i = 0; i < n; i++)
        {
            builder.AddEntity(new Entity($"bank{i + 1}", Sector.Bank)
            {
                ExternalAssets = externalAssets[i],
                ExternalLiabilities = externalLiabilities?[i],
            });
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (owed[i, j] > 0)
                {
                    builder.AddLink(debt
                        ? new Link($"bank{j + 1}", $"bank{i + 1}", LinkKind.Loan, owed[i, j])
                        : new Link($"bank{i + 1}", $"bank{j + 1}", LinkKind.Services, owed[i, j]));
                }
            }
        }

        return builder.Build();
    }
}
