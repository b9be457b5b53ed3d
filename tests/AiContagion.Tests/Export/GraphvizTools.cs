using System.Diagnostics;
using System.Text;
using System.Xml;
using AiContagion.Export;

namespace AiContagion.Tests.Export;

/// <summary>
/// The real Graphviz tools, for tests: render many DOT documents with one <c>dot</c> process, and read back
/// what Graphviz's own parser made of them with <c>gvpr</c> (counts, node names, labels). Tests that use these
/// fail, not skip, when Graphviz is missing: CI installs it (.ci/run).
/// </summary>
internal static class GraphvizTools
{
    public static GraphvizRenderer Renderer { get; } = new(new GraphvizOptions { Timeout = TimeSpan.FromMinutes(3) });

    /// <summary>Renders every document to SVG with one dot process; asserts exit 0 and one non-empty, well-formed SVG per document with the expected number of nodes.</summary>
    public static IReadOnlyList<XmlDocument> RenderSvgs(IReadOnlyList<string> documents)
    {
        var output = Renderer.Render(string.Concat(documents), GraphvizFormat.Svg);
        var text = Encoding.UTF8.GetString(output.Content);
        var parts = text.Split("<?xml").Where(part => !string.IsNullOrWhiteSpace(part)).ToArray();
        Assert.HasCount(documents.Count, parts, "one SVG per DOT document");
        var svgs = new List<XmlDocument>();
        foreach (var part in parts)
        {
            var svg = Xml("<?xml" + part);
            Assert.AreEqual("svg", svg.DocumentElement!.LocalName);
            svgs.Add(svg);
        }

        return svgs;
    }

    /// <summary>Parses XML (SVG) without fetching its DTD.</summary>
    public static XmlDocument Xml(string text)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(text), settings);
        var document = new XmlDocument { XmlResolver = null };
        document.Load(reader);
        return document;
    }

    /// <summary>The SVG elements of a class (<c>node</c>, <c>edge</c>, <c>cluster</c>) in a rendering.</summary>
    public static int CountClass(XmlDocument svg, string cssClass)
    {
        var manager = new XmlNamespaceManager(svg.NameTable);
        manager.AddNamespace("s", "http://www.w3.org/2000/svg");
        return svg.SelectNodes($"//s:g[@class='{cssClass}']", manager)!.Count;
    }

    /// <summary>Node and edge counts of each graph, as Graphviz's own parser (gvpr) reads them.</summary>
    public static IReadOnlyList<(int Nodes, int Edges)> Counts(IReadOnlyList<string> documents)
    {
        var lines = Gvpr("BEG_G { printf(\"%d %d\\n\", nNodes($G), nEdges($G)) }", string.Concat(documents));
        Assert.HasCount(documents.Count, lines, "one count line per graph");
        return [.. lines.Select(line => line.Split(' ') is [var n, var e] ? (int.Parse(n), int.Parse(e)) : throw new FormatException(line))];
    }

    /// <summary>For each graph, its nodes' stored names and labels in creation order, as gvpr reads them.</summary>
    public static IReadOnlyList<IReadOnlyList<(string Name, string Label)>> Nodes(IReadOnlyList<string> documents)
    {
        // Names and labels written by DotWriter never contain a raw tab or line feed (they are escaped), so
        // one line per node with a tab between name and label is unambiguous.
        var lines = Gvpr("BEG_G { printf(\"@graph\\n\") } N { printf(\"%s\\t%s\\n\", $.name, $.label) }", string.Concat(documents));
        var graphs = new List<IReadOnlyList<(string, string)>>();
        List<(string, string)>? current = null;
        foreach (var line in lines)
        {
            if (line == "@graph")
            {
                current = [];
                graphs.Add(current);
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            Assert.IsGreaterThanOrEqualTo(0, tab, line);
            current!.Add((line[..tab], line[(tab + 1)..]));
        }

        Assert.HasCount(documents.Count, graphs);
        return graphs;
    }

    private static string[] Gvpr(string program, string input)
    {
        var dot = Renderer.FindDot() ?? throw new GraphvizNotFoundException();
        var gvpr = Path.Combine(Path.GetDirectoryName(dot)!, "gvpr");
        var start = new ProcessStartInfo(gvpr)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(program);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using (var stdin = process.StandardInput.BaseStream)
        {
            stdin.Write(new UTF8Encoding(false).GetBytes(input));
        }

        Assert.IsTrue(process.WaitForExit(120_000), "gvpr finished");
        Assert.AreEqual(0, process.ExitCode, error.Result);
        return output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
