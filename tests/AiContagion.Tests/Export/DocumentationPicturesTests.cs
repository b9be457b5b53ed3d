using AiContagion.Cascades;
using System.Buffers.Binary;
using AiContagion.Export;
using AiContagion.Ranking;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Export;

/// <summary>
/// The pictures in docs/ that the README shows, and the code that makes them. Run with
/// <c>AICONTAGION_WRITE_DOCS=1</c> to write them again. Both are drawn from the models' results (the funding
/// cascade and the withdrawal ranking), which the tests below check against the hand derivations
/// <see cref="ToyChainCascade"/> and <see cref="ToyChainRanking"/>.
/// </summary>
[TestClass]
public sealed class DocumentationPicturesTests
{
    public const string CascadePicture = "toy-chain-cascade.png";
    public const string RankingPicture = "toy-chain-ranking.png";

    /// <summary>docs/toy-chain-cascade.png: the toy chain when vc-fund withdraws (funding-withdrawal cascade).</summary>
    public static byte[] CascadePng()
    {
        var network = Networks.ToyChain();
        var cascade = CascadeModels.Create(CascadeModelKind.Funding).Prepare(network).Run(CascadeShock.Withdraw("vc-fund"));
        var dot = DotWriter.ToDot(network, new DotOptions { Overlays = new DiagramOverlays { Cascade = ModelOverlays.Cascade(cascade) } });
        return GraphvizTools.Renderer.Render(dot, GraphvizFormat.Png).Content;
    }

    /// <summary>docs/toy-chain-ranking.png: links each entity's withdrawal brings down on the toy chain.</summary>
    public static byte[] RankingPng() => Chart.Ranking(ModelOverlays.RankingRows(ToyRanking()), new ChartOptions
    {
        Title = "Toy chain: links brought down by each entity's withdrawal (funding cascade)",
    }).ToPng();

    /// <summary>The funding model's ranking of every toy-chain entity as a withdrawn source.</summary>
    public static RankingResult ToyRanking() =>
        new WithdrawalRanking(CascadeModels.Create(CascadeModelKind.Funding), new WithdrawalRankingOptions { Candidates = RankingCandidates.AllEntities })
            .Rank(Networks.ToyChain());

    [TestMethod]
    public void Models_ToyChain_MatchTheHandDerivations()
    {
        var network = Networks.ToyChain();
        var cascade = ModelOverlays.Cascade(CascadeModels.Create(CascadeModelKind.Funding).Prepare(network).Run(CascadeShock.Withdraw("vc-fund")));
        var hand = ToyChainCascade.For(network);
        CollectionAssert.AreEqual(hand.FailureRounds.ToList(), cascade.FailureRounds.ToList());
        CollectionAssert.AreEqual(hand.Withdrawn.ToList(), cascade.Withdrawn.ToList());
        CollectionAssert.AreEqual(hand.LinksDown.ToList(), cascade.LinksDown.ToList());

        CollectionAssert.AreEqual(ToyChainRanking.Rows.ToList(), ModelOverlays.RankingRows(ToyRanking()).ToList());
    }

    [TestMethod]
    public void Pictures_Committed_AreCurrent()
    {
        var pictures = new Dictionary<string, byte[]> { [CascadePicture] = CascadePng(), [RankingPicture] = RankingPng() };
        if (Environment.GetEnvironmentVariable("AICONTAGION_WRITE_DOCS") == "1")
        {
            foreach (var (name, png) in pictures)
            {
                AiContagion.Io.AtomicFile.WriteAllBytes(Repo.Path("docs", name), png);
            }
        }

        foreach (var (name, fresh) in pictures)
        {
            var path = Repo.Path("docs", name);
            Assert.IsTrue(File.Exists(path), $"docs/{name} is committed");
            var committed = File.ReadAllBytes(path);
            var (width, height) = Size(committed);
            var (freshWidth, freshHeight) = Size(fresh);
            // Same picture, give or take font metrics on another machine.
            Assert.AreEqual(freshWidth, width, freshWidth * 0.1, $"docs/{name} width");
            Assert.AreEqual(freshHeight, height, freshHeight * 0.1, $"docs/{name} height");
        }
    }

    /// <summary>Width and height from a PNG's IHDR chunk, after checking the signature.</summary>
    private static (int Width, int Height) Size(byte[] png)
    {
        CollectionAssert.AreEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
