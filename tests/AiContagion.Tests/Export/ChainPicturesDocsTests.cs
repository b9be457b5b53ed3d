using System.Buffers.Binary;
using AiContagion.Cascades;
using AiContagion.Export;
using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Ranking;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Export;

/// <summary>
/// The AI-chain pictures the README shows (docs/ai-chain-*.png and the tiered chain's SVG), made by the library from
/// graphs/ai-chain.json. Run with <c>AICONTAGION_WRITE_DOCS=1</c> to write them again; otherwise the committed ones
/// must be the same size as fresh ones (give or take font metrics on another machine).
/// </summary>
[TestClass]
public sealed class ChainPicturesDocsTests
{
    [TestMethod]
    public void Pictures_Committed_AreCurrent()
    {
        var network = FinancingNetworkFile.Load(Repo.Graph("ai-chain.json"));
        // The flagship's answer is on cash: the worst withdrawal under the runway model (24 months, against the baseline).
        var ranking = new WithdrawalRanking(CascadeModels.Create(CascadeModelKind.Runway)).Rank(network);
        var worst = ModelOverlays.Cascade(ranking.Explain(ranking.Entries[0]));
        var pictures = new Dictionary<string, byte[]>
        {
            ["ai-chain-tiered.png"] = ChainPicture.Render(network, ChainView.Tiered, GraphvizFormat.Png).Content,
            ["ai-chain-tiered.svg"] = ChainPicture.Render(network, ChainView.Tiered, GraphvizFormat.Svg).Content,
            ["ai-chain-cascade.png"] = ChainPicture.Render(network, ChainView.Tiered, GraphvizFormat.Png, new ChainDiagramOptions
            {
                Cascade = worst,
                GroupFunders = true,
                Title = $"The worst withdrawal on cash: {network[ranking.Entries[0].Sources[0]].Name}",
            }).Content,
            ["ai-chain-core.png"] = ChainPicture.Render(network, ChainView.Core, GraphvizFormat.Png).Content,
            ["ai-chain-sankey.png"] = SankeyDiagram.Create(network).ToPng(),
        };
        if (Environment.GetEnvironmentVariable("AICONTAGION_WRITE_DOCS") == "1")
        {
            foreach (var (name, bytes) in pictures)
            {
                AtomicFile.WriteAllBytes(Repo.Path("docs", name), bytes);
            }
        }

        foreach (var (name, fresh) in pictures)
        {
            var path = Repo.Path("docs", name);
            Assert.IsTrue(File.Exists(path), $"docs/{name} is committed");
            var (width, height) = Size(File.ReadAllBytes(path), name);
            var (freshWidth, freshHeight) = Size(fresh, name);
            Assert.AreEqual(freshWidth, width, freshWidth * 0.1, $"docs/{name} width");
            Assert.AreEqual(freshHeight, height, freshHeight * 0.1, $"docs/{name} height");
        }
    }

    private static (double Width, double Height) Size(byte[] bytes, string name)
    {
        if (name.EndsWith(".png", StringComparison.Ordinal))
        {
            return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        }

        var readability = Readability.Measure(System.Text.Encoding.UTF8.GetString(bytes));
        return (readability.Width, readability.Height);
    }
}
