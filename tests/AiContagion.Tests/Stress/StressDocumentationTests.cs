using System.Buffers.Binary;
using AiContagion.Cascades;
using AiContagion.Export;
using AiContagion.Io;
using AiContagion.Stress;
using AiContagion.Tests.Cascades;
using AiContagion.Tests.Support;


namespace AiContagion.Tests.Stress;

/// <summary>
/// The stress pictures and the Gai–Kapadia curve in docs/, and the code that makes them (the same calls as the
/// commands in the comments). Run with <c>AICONTAGION_WRITE_DOCS=1</c> to write them again.
/// </summary>
[TestClass]
public sealed class StressDocumentationTests
{
    /// <summary><c>aicontagion stress graphs/ai-chain.json --model funding --trials 20000 --seed 1 --p 0.1 --correlation 0.3 --chart … --failure-chart …</c></summary>
    private static StressResult AiChainStress() =>
        new StressTest(CascadeModels.Create(CascadeModelKind.Funding), new StressOptions { Trials = 20_000, Seed = 1, DefaultProbability = 0.1, Correlation = 0.3 })
            .Run(FinancingNetworkFile.Load(Repo.Graph("ai-chain.json")));

    /// <summary><c>aicontagion runway graphs/ai-chain.json --withdraw anthropic-2026-round-investors,softbank --months 36 --chart …</c></summary>
    private static RunwayResult AiChainRunway() =>
        RunwayRuns.Run(new RunwayOptions { Months = 36 }, FinancingNetworkFile.Load(Repo.Graph("ai-chain.json")), ["anthropic-2026-round-investors", "softbank"]);

    [TestMethod]
    public void Pictures_Committed_AreCurrent()
    {
        var stress = AiChainStress();
        var pictures = new Dictionary<string, byte[]>
        {
            ["stress-ai-chain.png"] = stress.DistributionChart().ToPng(),
            ["stress-ai-chain-failures.png"] = stress.FailureProbabilityChart().ToPng(),
            ["runway-ai-chain.png"] = AiChainRunway().TimelineChart().ToPng(),
        };
        if (Environment.GetEnvironmentVariable("AICONTAGION_WRITE_DOCS") == "1")
        {
            // aicontagion experiment gai-kapadia --chart docs/gai-kapadia.png --csv docs/gai-kapadia.csv
            var curve = GaiKapadiaExperiment.Run();
            pictures["gai-kapadia.png"] = curve.ToChart().ToPng();
            AtomicFile.WriteAllText(Repo.Path("docs", "gai-kapadia.csv"), curve.ToCsv());
            foreach (var (name, png) in pictures)
            {
                AtomicFile.WriteAllBytes(Repo.Path("docs", name), png);
            }
        }

        foreach (var (name, fresh) in pictures)
        {
            var committed = File.ReadAllBytes(Repo.Path("docs", name));
            var (width, height) = Size(committed);
            var (freshWidth, freshHeight) = Size(fresh);
            // Same picture, give or take font metrics on another machine.
            Assert.AreEqual(freshWidth, width, freshWidth * 0.1, $"docs/{name} width");
            Assert.AreEqual(freshHeight, height, freshHeight * 0.1, $"docs/{name} height");
        }

        Assert.AreEqual((900, 500), Size(File.ReadAllBytes(Repo.Path("docs", "gai-kapadia.png"))));
    }

    // A point depends on (seed, z) only, so rows of the committed curve (n = 1,000, 1,000 networks per z, seed 1) are
    // reproduced by running those degrees alone.
    [TestMethod]
    public void GaiKapadiaCurve_CommittedRowsReproduce()
    {
        var committed = File.ReadAllLines(Repo.Path("docs", "gai-kapadia.csv"));
        var fresh = GaiKapadiaExperiment.Run(new GaiKapadiaExperimentOptions { AverageDegrees = [3.0, 7.0] }).ToCsv().Split('\n');

        Assert.HasCount(17, committed, "header and z = 0 … 15");
        Assert.AreEqual(committed[0], fresh[0]);
        Assert.AreEqual(committed[4], fresh[1], "z = 3");
        Assert.AreEqual(committed[8], fresh[2], "z = 7");
    }

    private static (int Width, int Height) Size(byte[] png)
    {
        CollectionAssert.AreEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
