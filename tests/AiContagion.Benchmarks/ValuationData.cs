using AiContagion.Model;

namespace AiContagion.Benchmarks;

/// <summary>
/// The network of issue 19's performance acceptance: a synthetic network (<see cref="BenchmarkData"/>, same size and
/// seed) reshaped so that every tenth link is an Equity stake with a share (each firm's stakes share 60 % of its equity,
/// so no ownership group is closed) and every fifth remaining debt link is junior (two seniority layers). The other
/// links keep their kind and amount; external assets and liabilities are the synthetic network's.
/// </summary>
public static class ValuationData
{
    /// <summary>The stakes of one firm share this fraction of its equity in all.</summary>
    public const double HeldInside = 0.6;

    /// <summary>Reshapes a network: deterministic, O(n + m).</summary>
    public static FinancingNetwork Create(FinancingNetwork synthetic)
    {
        var links = synthetic.Links;
        var stakesIn = new int[synthetic.EntityCount];
        for (var l = 0; l < synthetic.LinkCount; l += 10)
        {
            stakesIn[synthetic.IndexOf(links[l].To)]++;
        }

        var builder = FinancingNetwork.CreateBuilder().WithMetadata(synthetic.Metadata);
        foreach (var entity in synthetic.Entities)
        {
            builder.AddEntity(entity);
        }

        var debt = 0;
        for (var l = 0; l < synthetic.LinkCount; l++)
        {
            var link = links[l];
            if (l % 10 == 0)
            {
                builder.AddLink(new Link(link.From, link.To, LinkKind.Equity, link.Amount) { Share = HeldInside / stakesIn[synthetic.IndexOf(link.To)] });
            }
            else if (link.Kind.IsDebt())
            {
                builder.AddLink(new Link(link.From, link.To, link.Kind, link.Amount) { Seniority = debt++ % 5 == 4 ? DebtSeniority.Junior : DebtSeniority.Senior });
            }
            else
            {
                builder.AddLink(new Link(link.From, link.To, link.Kind, link.Amount));
            }
        }

        return builder.Build();
    }

    /// <summary>The valuation network of a size (<see cref="BenchmarkData.Sizes"/>).</summary>
    public static FinancingNetwork Load(string size) => Create(BenchmarkData.Load(size));
}
