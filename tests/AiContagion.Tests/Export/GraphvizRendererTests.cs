using System.Text;
using AiContagion.Export;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Export;

[TestClass]
public sealed class GraphvizRendererTests
{
    private const string Tiny = "digraph { a -> b }\n";

    [TestMethod]
    public void FindDot_OnThisMachine_FindsGraphviz()
    {
        // CI installs graphviz (.ci/run); a machine without it must fail here, not skip.
        var path = GraphvizTools.Renderer.FindDot();

        Assert.IsNotNull(path, "Graphviz 'dot' must be installed (apt-get install graphviz)");
        StringAssert.Contains(GraphvizTools.Renderer.Version(), "graphviz version");
    }

    [TestMethod]
    public void Render_Svg_ReturnsSvgText()
    {
        var output = GraphvizTools.Renderer.Render(Tiny, GraphvizFormat.Svg);

        var svg = GraphvizTools.Xml(Encoding.UTF8.GetString(output.Content));
        Assert.AreEqual(2, GraphvizTools.CountClass(svg, "node"));
        Assert.AreEqual("", output.Warnings);
    }

    [TestMethod]
    public void Render_MissingDot_ThrowsNamingThePackage()
    {
        var renderer = new GraphvizRenderer(new GraphvizOptions { DotPath = "/nonexistent/graphviz/bin/dot" });

        var e = Assert.ThrowsExactly<GraphvizNotFoundException>(() => renderer.Render(Tiny, GraphvizFormat.Svg));

        Assert.IsFalse(renderer.IsAvailable);
        StringAssert.Contains(e.Message, "Install the 'graphviz' package");
        StringAssert.Contains(e.Message, "apt-get install graphviz");
        Assert.AreEqual("/nonexistent/graphviz/bin/dot", e.FileName);
    }

    [TestMethod]
    public void Render_NameNotOnPath_ThrowsNotFound()
    {
        var renderer = new GraphvizRenderer(new GraphvizOptions { DotPath = "no-such-graphviz-dot-program" });

        var e = Assert.ThrowsExactly<GraphvizNotFoundException>(() => renderer.Render(Tiny, GraphvizFormat.Png));

        StringAssert.Contains(e.Message, "was not found on PATH");
    }

    [TestMethod]
    public void Render_InvalidDot_ThrowsWithGraphvizMessage()
    {
        var e = Assert.ThrowsExactly<GraphvizRenderException>(() => GraphvizTools.Renderer.Render("digraph { a -> }", GraphvizFormat.Svg));

        StringAssert.Contains(e.Message, "syntax error");
    }

    // A POSIX shell script stands in for a hanging dot, so the test is declared for Linux and macOS only.
    [TestMethod]
    [OSCondition(OperatingSystems.Linux | OperatingSystems.OSX)]
    public void Render_SlowProgram_StoppedAtTimeout()
    {
        using var temp = new TempFolder();
        var script = temp.File("dot");
        File.WriteAllText(script, "#!/bin/sh\nexec sleep 30\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        }

        var renderer = new GraphvizRenderer(new GraphvizOptions { DotPath = script, Timeout = TimeSpan.FromMilliseconds(300) });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var e = Assert.ThrowsExactly<GraphvizRenderException>(() => renderer.Render(Tiny, GraphvizFormat.Svg));

        StringAssert.Contains(e.Message, "did not finish within 0.3 s");
        Assert.IsInstanceOfType<TimeoutException>(e.InnerException);
        Assert.IsLessThan(20, clock.Elapsed.TotalSeconds, "stopped, not waited out");
    }

    [TestMethod]
    public void Render_CancelledToken_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsExactly<OperationCanceledException>(() => GraphvizTools.Renderer.Render(Tiny, GraphvizFormat.Svg, cancelled.Token));
    }

    [TestMethod]
    public void RenderFile_Failure_LeavesExistingFileUntouched()
    {
        using var temp = new TempFolder();
        var path = temp.File("out.svg");
        File.WriteAllText(path, "old");

        Assert.ThrowsExactly<GraphvizRenderException>(() => GraphvizTools.Renderer.RenderFile("not dot at all {", path, GraphvizFormat.Svg));

        Assert.AreEqual("old", File.ReadAllText(path));
        Assert.HasCount(1, Directory.GetFiles(temp.Path), "no temporary file left behind");
    }

    [TestMethod]
    public void RenderFile_Png_WritesPng()
    {
        using var temp = new TempFolder();
        var path = temp.File("out.png");

        GraphvizTools.Renderer.RenderFile(Tiny, path, GraphvizFormat.Png);

        Assert.AreEqual(0x89, File.ReadAllBytes(path)[0]);
    }

    [TestMethod]
    public void Options_Invalid_Throw()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new GraphvizRenderer(new GraphvizOptions { Timeout = TimeSpan.Zero }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new GraphvizRenderer(new GraphvizOptions { Dpi = 10 }));
        Assert.ThrowsExactly<ArgumentException>(() => new GraphvizRenderer(new GraphvizOptions { DotPath = " " }));
    }
}
