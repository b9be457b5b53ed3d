using System.Text.RegularExpressions;
using AiContagion.Io;
using AiContagion.Tests.Support;
using SkiaSharp;

namespace AiContagion.Tests.Export;

/// <summary>
/// The HTML report of graphs/ai-chain.json (written by the <c>report</c> command) opened in headless Chromium:
/// no console message at all (so no script error and no refused request: the page's Content-Security-Policy forbids
/// every fetch and Chromium logs any attempt), the viewer script ran on every picture, every section is in the DOM,
/// and a screenshot shows the chain picture. The screenshot is docs/report.png (AICONTAGION_WRITE_DOCS=1 rewrites it).
/// Two Chromium runs in all (about 5 s each), plus one negative control that proves the detector sees a fetch.
/// </summary>
[TestClass]
public sealed partial class ReportChromiumTests
{
    public const string Screenshot = "report.png";

    private static readonly string[] Sections = ["data", "chain", "ranking", "ranking-chain", "cascade", "baseline", "sweep", "cut", "provenance", "core", "money"];

    private static readonly Lazy<(string Folder, string Html)> Report = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "aicontagion-report-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "report.html");
        var run = CliRunner.Run("report", Repo.Graph("ai-chain.json"), "-o", path, "--model", "funding,chain", "--sweep", "default-tolerance=0.1,0.25,0.5", "--baseline");
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "11 sections (" + string.Join(", ", Sections) + ")");
        return (folder, path);
    });

    [ClassCleanup]
    public static void Cleanup()
    {
        if (Report.IsValueCreated)
        {
            Directory.Delete(Report.Value.Folder, recursive: true);
        }
    }

    [TestMethod]
    public void Report_OpensInChromium_NoConsoleMessageScriptRanEverySection()
    {
        var html = File.ReadAllText(Report.Value.Html);
        Assert.IsEmpty(ReportTests.OutsideAddresses(html), "no outside address in the file");

        var (dom, log) = ChromiumTools.Run(Report.Value.Html, "--dump-dom", "--virtual-time-budget=2000");

        Assert.IsEmpty(ChromiumTools.ConsoleMessages(log), string.Join("\n", ChromiumTools.ConsoleMessages(log)));
        // The viewer ran: it marks the page with the number of interactive pictures (chain, cascade, cut, core, money).
        StringAssert.Contains(dom, "data-report-ready=\"5\"");
        foreach (var section in Sections)
        {
            StringAssert.Contains(dom, "<section id=\"" + section + "\">", section);
        }

        // The viewer sized every picture (a transform on each interactive SVG).
        Assert.AreEqual(5, ViewerTransform().Count(dom));
    }

    [TestMethod]
    public void Report_Screenshot_SectionsAndTheChainPictureVisible()
    {
        var png = Path.Combine(Report.Value.Folder, "report.png");
        ChromiumTools.Run(Report.Value.Html, "--window-size=1400,2300", "--virtual-time-budget=2000", "--screenshot=" + png);

        Assert.IsTrue(File.Exists(png), "screenshot written");
        using var bitmap = SKBitmap.Decode(png);
        Assert.AreEqual(1400, bitmap.Width);
        Assert.AreEqual(2300, bitmap.Height);
        // The chain picture is drawn: its node fills (funding sources, model labs, hyperscalers) cover many pixels.
        var counts = new Dictionary<string, int> { ["#e8eef7"] = 0, ["#f3e1f5"] = 0, ["#dcefe0"] = 0 };
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                var hex = $"#{c.Red:x2}{c.Green:x2}{c.Blue:x2}";
                if (counts.TryGetValue(hex, out var n))
                {
                    counts[hex] = n + 1;
                }
            }
        }

        foreach (var (fill, n) in counts)
        {
            Assert.IsGreaterThan(300, n, $"pixels of {fill}");
        }

        var docs = Repo.Path("docs", Screenshot);
        if (Environment.GetEnvironmentVariable("AICONTAGION_WRITE_DOCS") == "1")
        {
            AtomicFile.WriteAllBytes(docs, File.ReadAllBytes(png));
        }

        Assert.IsTrue(File.Exists(docs), "docs/report.png is committed");
        using var committed = SKBitmap.Decode(docs);
        Assert.AreEqual(bitmap.Width, committed.Width);
        Assert.AreEqual(bitmap.Height, committed.Height);
    }

    /// <summary>The detector can fail: a page that tries to fetch an image is caught by its console log.</summary>
    [TestMethod]
    public void Detector_PageThatFetches_ConsoleMessageSeen()
    {
        using var temp = new TempFolder();
        var page = temp.File("fetch.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"" + AiContagion.Export.ReportDocument.ContentSecurityPolicy
            + "\"></head><body><img src=\"http://127.0.0.1:9/x.png\"></body></html>");

        var (_, log) = ChromiumTools.Run(page, "--dump-dom");

        Assert.IsNotEmpty(ChromiumTools.ConsoleMessages(log));
        Assert.IsNotEmpty(ReportTests.OutsideAddresses(File.ReadAllText(page)));
    }

    [GeneratedRegex(@"<svg[^>]*style=""[^""]*transform: translate", RegexOptions.CultureInvariant)]
    private static partial Regex ViewerTransform();
}
