using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using AiContagion.Io;
using ScottPlot;

namespace AiContagion.Export;

/// <summary>
/// A chart of analysis results, drawn with ScottPlot and saved as PNG or SVG: the withdrawal ranking
/// (<see cref="Ranking"/>), a stress distribution (<see cref="Distribution"/>), failure probabilities
/// (<see cref="FailureProbabilities"/>) and a runway timeline (<see cref="RunwayTimeline"/>). Each is one call,
/// e.g. <c>Chart.Ranking(rows).Save("ranking.png")</c>.
/// </summary>
/// <remarks>
/// <para>The factories take plain values (rows, arrays), not model results, so any model's output maps to
/// them. Text is cleaned before drawing (control characters become spaces, lone surrogates U+FFFD) and long
/// labels are cut; numbers use the invariant culture.</para>
/// <para>Output is deterministic for the same input on the same machine: PNG bytes repeat exactly, and SVG
/// text repeats exactly once ScottPlot's process-wide clip-path counter is renumbered from 1 (done here).
/// Fonts come from the system (DejaVu Sans or Liberation Sans when installed), so pixels may differ between
/// machines.</para>
/// <para>Thread safety: the factories are thread-safe; one instance renders one image at a time (calls are
/// serialised).</para>
/// </remarks>
public sealed partial class Chart
{
    private const int LabelLength = 48;
    private const int TitleLength = 120;
    private static readonly string[] SansFonts = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica"];
    private static readonly Lazy<string?> SansFont = new(FindSansFont);

    private readonly Plot _plot;
    private readonly Lock _gate = new();

    private Chart(Plot plot, int width, int height)
    {
        _plot = plot;
        Width = width;
        Height = height;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The format a path's extension names (<c>.png</c> or <c>.svg</c>, case-insensitive).</summary>
    /// <param name="path">The target file.</param>
    /// <returns>The format.</returns>
    /// <exception cref="ArgumentException">The extension is neither.</exception>
    public static ChartFormat FormatOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".PNG" => ChartFormat.Png,
            ".SVG" => ChartFormat.Svg,
            _ => throw new ArgumentException($"Cannot tell the chart format of '{path}': use a .png or .svg file.", nameof(path)),
        };
    }

    /// <summary>Renders the chart as PNG.</summary>
    /// <returns>The PNG bytes.</returns>
    public byte[] ToPng()
    {
        lock (_gate)
        {
            return _plot.GetImageBytes(Width, Height, ImageFormat.Png);
        }
    }

    /// <summary>Renders the chart as SVG text (UTF-8 when saved).</summary>
    /// <returns>The SVG document.</returns>
    /// <exception cref="InvalidOperationException">The renderer produced a document that is not well-formed XML.</exception>
    public string ToSvg()
    {
        string svg;
        lock (_gate)
        {
            svg = _plot.GetSvgXml(Width, Height);
        }

        svg = RenumberClipPaths(svg);
        CheckWellFormed(svg);
        return svg;
    }

    /// <summary>Renders the chart in a format.</summary>
    /// <param name="format">The format.</param>
    /// <returns>The file content.</returns>
    public byte[] Render(ChartFormat format) => format switch
    {
        ChartFormat.Png => ToPng(),
        ChartFormat.Svg => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(ToSvg()),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown chart format."),
    };

    /// <summary>Saves the chart in the format the path's extension names, whole or not at all.</summary>
    /// <param name="path">The target file, <c>.png</c> or <c>.svg</c>.</param>
    /// <exception cref="ArgumentException">The extension is neither.</exception>
    /// <exception cref="IOException">The file could not be written; an existing file is left as it was.</exception>
    public void Save(string path)
    {
        var bytes = Render(FormatOf(path));
        AtomicFile.WriteAllBytes(path, bytes);
    }

    /// <summary>A new plot with the common look: sans font, title, axis labels.</summary>
    private static Plot NewPlot(ChartOptions options, string title, string xLabel, string yLabel)
    {
        options.Validate();
        var plot = new Plot();
        if (SansFont.Value is { } font)
        {
            plot.Font.Set(font);
        }

        plot.Title(Clean(options.Title ?? title, TitleLength));
        plot.XLabel(Clean(options.XLabel ?? xLabel, TitleLength));
        if ((options.YLabel ?? yLabel) is { Length: > 0 } y)
        {
            plot.YLabel(Clean(y, TitleLength));
        }

        return plot;
    }

    /// <summary>
    /// Text fit for drawing: control characters become spaces, lone surrogates and U+FFFE/U+FFFF U+FFFD
    /// (ScottPlot's SVG writer stops at them), runs of spaces collapse, and text longer than
    /// <paramref name="maximumLength"/> is cut at a character boundary and ends with "…".
    /// </summary>
    internal static string Clean(string text, int maximumLength = LabelLength)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                builder.Append('\uFFFD');
            }
            else
            {
                builder.Append(c);
            }
        }

        return DotText.Truncate(builder.ToString().Trim(), maximumLength);
    }

    private static string? FindSansFont()
    {
        foreach (var name in SansFonts)
        {
            if (string.Equals(Fonts.GetTypeface(name, bold: false, italic: false)?.FamilyName, name, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>ScottPlot numbers clip paths with a process-wide counter; renumber them from 1 so equal charts give equal text.</summary>
    private static string RenumberClipPaths(string svg)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        return ClipPathId().Replace(svg, match =>
        {
            if (!numbers.TryGetValue(match.Value, out var number))
            {
                number = numbers.Count + 1;
                numbers.Add(match.Value, number);
            }

            return "cl_" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
    }

    private static void CheckWellFormed(string svg)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(svg), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            while (reader.Read())
            {
            }
        }
        catch (XmlException e)
        {
            throw new InvalidOperationException("The chart renderer produced SVG that is not well-formed: " + e.Message, e);
        }
    }

    [GeneratedRegex(@"\bcl_[0-9A-Fa-f]+\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClipPathId();
}
