using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cascades;

/// <summary>The published cases of graphs/textbook/README.md, as shipped in graphs/textbook/, and their second encoding.</summary>
internal static class Textbook
{
    public static FinancingNetwork Load(string name) => FinancingNetworkFile.Load(Repo.Graph(Path.Combine("textbook", name)));

    /// <summary>
    /// The same obligations written the other way (docs/concepts.md#links): every Loan link j → i ("i owes j" as debt) becomes a
    /// commercial link i → j ("i owes j" as a customer owing a supplier). Clearing models must give the same result.
    /// </summary>
    public static FinancingNetwork AsCommercial(FinancingNetwork network)
    {
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(network.Metadata);
        foreach (var entity in network.Entities)
        {
            builder.AddEntity(entity);
        }

        foreach (var link in network.Links)
        {
            Assert.AreEqual(LinkKind.Loan, link.Kind, "the textbook files use Loan links only");
            builder.AddLink(new Link(link.To, link.From, LinkKind.Services, link.Amount));
        }

        return builder.Build();
    }

    public static IEnumerable<object[]> BothEncodings(string name)
    {
        yield return ["loan", Load(name)];
        yield return ["commercial", AsCommercial(Load(name))];
    }
}
