using System.Globalization;
using System.Text;
using AiContagion.Io;
using AiContagion.Model;
using SkiaSharp;

namespace AiContagion.Export;

/// <summary>
/// A Sankey diagram of where the money goes, by tier: the funders' money by kind of funder (venture &amp; growth,
/// banks, private credit, bond &amp; equity markets, sovereigns &amp; conglomerates) into the chain's tiers, and within
/// the chain from each tier to the tiers to its right. An acyclic aggregate in one measure (the links' amounts): money
/// that runs against the chain or stays within a tier, and money between funders, is left out and the caption says
/// how much. Written by this library as SVG (no served .NET package draws a Sankey) and drawn to PNG with SkiaSharp,
/// the renderer the charts (<see cref="Chart"/>) use.
/// </summary>
/// <remarks>
/// <para>Layout: one column per kind of node (funder kinds, then each non-empty tier in chain order); a node's height
/// is max(money in, money out) on one scale for the whole picture; ribbons are cubic Bézier bands stacked in the
/// order of the column they go to; funder kinds are ordered by amount. Ribbons between non-adjacent columns pass
/// behind the columns between.</para>
/// <para>Deterministic; O(n + m). The factory is thread-safe; an instance is immutable.</para>
/// </remarks>
public sealed class SankeyDiagram
{
    private const string FontFamily = "Arial,Helvetica,sans-serif";
    private const double NodeWidth = 16;
    private const double LabelSize = 14;
    private const double AmountSize = 13;
    private static readonly Lazy<SKTypeface> Typeface = new(() => SKTypeface.FromFamilyName("Liberation Sans") ?? SKTypeface.Default);
    private static readonly Lazy<SKTypeface> BoldTypeface = new(() => SKTypeface.FromFamilyName("Liberation Sans", SKFontStyle.Bold) ?? SKTypeface.Default);

    private readonly List<Box> _boxes;
    private readonly List<Band> _bands;
    private readonly List<Label> _labels;

    private SankeyDiagram(SankeyOptions options, List<Box> boxes, List<Band> bands, List<Label> labels, IReadOnlyList<SankeyFlow> flows, double shown, double leftOut)
    {
        Width = options.Width;
        Height = options.Height;
        _boxes = boxes;
        _bands = bands;
        _labels = labels;
        Flows = flows;
        AmountShown = shown;
        AmountLeftOut = leftOut;
    }

    /// <summary>Width in points.</summary>
    public double Width { get; }

    /// <summary>Height in points.</summary>
    public double Height { get; }

    /// <summary>The ribbons: from node, to node, amount, number of links.</summary>
    public IReadOnlyList<SankeyFlow> Flows { get; }

    /// <summary>The money drawn, in the network's unit.</summary>
    public double AmountShown { get; }

    /// <summary>The money left out (against the chain, within a tier, between funders).</summary>
    public double AmountLeftOut { get; }

    /// <summary>The Sankey of a network's money by tier.</summary>
    /// <param name="network">The network.</param>
    /// <param name="options">Title and size; <see langword="null"/> means the defaults.</param>
    /// <returns>The diagram.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static SankeyDiagram Create(FinancingNetwork network, SankeyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= SankeyOptions.Default;
        options.Validate();
        var tiers = ChainTiers.Assign(network);
        var index = network.Index;
        var sums = new Dictionary<(string From, string To), (double Amount, int Links)>();
        var columnOf = new Dictionary<string, int>();
        var leftOut = 0.0;
        for (var l = 0; l < network.LinkCount; l++)
        {
            var from = index.LinkFrom[l];
            var to = index.LinkTo[l];
            var fromTier = tiers[from];
            var toTier = tiers[to];
            if (toTier <= fromTier)
            {
                leftOut += index.Amount[l];
                continue;
            }

            var source = fromTier == ChainTier.FundingSources ? FunderKind(network.Entities[from].Sector) : TierNode(fromTier);
            var target = TierNode(toTier);
            columnOf[source] = (int)fromTier;
            columnOf[target] = (int)toTier;
            var key = (source, target);
            sums[key] = sums.TryGetValue(key, out var sum) ? (sum.Amount + index.Amount[l], sum.Links + 1) : (index.Amount[l], 1);
        }

        var flows = sums.Select(s => new SankeyFlow(s.Key.From, s.Key.To, s.Value.Amount, s.Value.Links))
            .OrderBy(f => columnOf[f.From]).ThenBy(f => columnOf[f.To]).ThenByDescending(f => f.Amount).ThenBy(f => f.From, StringComparer.Ordinal).ToList();
        var title = options.Title ?? "Where the money goes" + (network.Metadata.Title is { } t ? " — " + t : "");
        var unit = network.Unit;
        var caption = string.Create(CultureInfo.InvariantCulture,
            $"Amounts in {unit}: {DotText.Amount(flows.Sum(f => f.Amount))} by funder kind into the chain and from tier to tier down the chain (deal totals, not yearly flows).");
        var caption2 = string.Create(CultureInfo.InvariantCulture,
            $"Left out: {DotText.Amount(leftOut)} {unit} of money against the chain, within a tier or between funders (the tiered diagram shows it).");
        var (boxes, bands, labels) = Layout(flows, columnOf, options, unit, title, caption, caption2);
        return new SankeyDiagram(options, boxes, bands, labels, flows, flows.Sum(f => f.Amount), leftOut);
    }

    /// <summary>The diagram as a standalone SVG document (points as user units; tooltips as <c>&lt;title&gt;</c>).</summary>
    /// <returns>The SVG text.</returns>
    public string ToSvg()
    {
        var svg = new StringBuilder(16384);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width:0.##}pt\" height=\"{Height:0.##}pt\" viewBox=\"0 0 {Width:0.##} {Height:0.##}\" font-family=\"{FontFamily}\" class=\"sankey\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width:0.##}\" height=\"{Height:0.##}\" fill=\"#ffffff\"/>\n");
        var number = 0;
        foreach (var band in _bands)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<path id=\"s{number++}\" class=\"ribbon\" d=\"{band.Path()}\" fill=\"{band.Color}\" fill-opacity=\"0.42\"><title>");
            HtmlLabelText.Append(svg, band.Tooltip).Append("</title></path>\n");
        }

        foreach (var box in _boxes)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{box.X:0.##}\" y=\"{box.Y:0.##}\" width=\"{box.W:0.##}\" height=\"{box.H:0.##}\" fill=\"{box.Color}\"><title>");
            HtmlLabelText.Append(svg, box.Tooltip).Append("</title></rect>\n");
        }

        foreach (var label in _labels)
        {
            var anchor = label.Align switch { SKTextAlign.Right => "end", SKTextAlign.Center => "middle", _ => "start" };
            var halo = label.Halo ? " stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"" : "";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{label.X:0.##}\" y=\"{label.Y:0.##}\" font-size=\"{label.Size:0.##}\" text-anchor=\"{anchor}\" fill=\"{label.Color}\"{(label.Bold ? " font-weight=\"bold\"" : "")}{halo}>");
            HtmlLabelText.Append(svg, label.Text).Append("</text>\n");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>The diagram as PNG, drawn with SkiaSharp (as the charts are).</summary>
    /// <param name="scale">Pixels per point; default 4/3 (96 dpi, 100 % on screen). From 0.5 to 8.</param>
    /// <returns>The PNG bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is out of range.</exception>
    public byte[] ToPng(double scale = 4.0 / 3)
    {
        if (!(scale is >= 0.5 and <= 8))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be from 0.5 to 8 pixels per point.");
        }

        var info = new SKImageInfo((int)Math.Ceiling(Width * scale), (int)Math.Ceiling(Height * scale));
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Scale((float)scale);
        canvas.Clear(SKColors.White);
        foreach (var band in _bands)
        {
            using var path = SKPath.ParseSvgPathData(band.Path());
            using var paint = new SKPaint { Color = SKColor.Parse(band.Color).WithAlpha(107), IsAntialias = true, Style = SKPaintStyle.Fill };
            canvas.DrawPath(path, paint);
        }

        foreach (var box in _boxes)
        {
            using var paint = new SKPaint { Color = SKColor.Parse(box.Color), IsAntialias = true };
            canvas.DrawRect((float)box.X, (float)box.Y, (float)box.W, (float)box.H, paint);
        }

        foreach (var label in _labels)
        {
            using var font = new SKFont(label.Bold ? BoldTypeface.Value : Typeface.Value, (float)label.Size);
            if (label.Halo)
            {
                using var halo = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 3, StrokeJoin = SKStrokeJoin.Round };
                canvas.DrawText(label.Text, (float)label.X, (float)label.Y, label.Align, font, halo);
            }

            using var paint = new SKPaint { Color = SKColor.Parse(label.Color), IsAntialias = true };
            canvas.DrawText(label.Text, (float)label.X, (float)label.Y, label.Align, font, paint);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Saves the diagram as <c>.svg</c> or <c>.png</c> (by extension), whole or not at all.</summary>
    /// <param name="path">The target file.</param>
    /// <exception cref="ArgumentException">The extension is neither.</exception>
    /// <exception cref="IOException">The file could not be written.</exception>
    public void Save(string path)
    {
        var bytes = Chart.FormatOf(path) == ChartFormat.Svg
            ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(ToSvg())
            : ToPng();
        AtomicFile.WriteAllBytes(path, bytes);
    }

    /// <summary>The funder kind a funding source's money is counted under.</summary>
    private static string FunderKind(Sector sector) => sector switch
    {
        Sector.VentureCapital or Sector.PrivateEquity => "Venture & growth",
        Sector.Bank => "Banks",
        Sector.PrivateCredit => "Private credit",
        Sector.PublicMarkets => "Bond & equity markets",
        Sector.Sovereign or Sector.Conglomerate => "Sovereigns & conglomerates",
        _ => "Other funders",
    };

    private static string TierNode(ChainTier tier) => tier switch
    {
        ChainTier.AppStartups => "App start-ups",
        ChainTier.ModelLabs => "Model labs",
        ChainTier.Hyperscalers => "Hyperscalers",
        ChainTier.GpuClouds => "GPU clouds",
        ChainTier.DataCentreVehicles => "Data-centre vehicles",
        ChainTier.ChipMakers => "Chip makers",
        _ => "Funders",
    };

    private static string Color(string node) => node switch
    {
        "Venture & growth" => "#4e79a7",
        "Banks" => "#9c755f",
        "Private credit" => "#f28e2b",
        "Bond & equity markets" => "#76b7b2",
        "Sovereigns & conglomerates" => "#b07aa1",
        "Other funders" => "#8c8c8c",
        "App start-ups" => "#d4a017",
        "Model labs" => "#c05a8c",
        "Hyperscalers" => "#59a14f",
        "GPU clouds" => "#3f8fb0",
        "Data-centre vehicles" => "#7b6bb0",
        _ => "#c9a227",
    };

    private static double TextWidth(string text, double size, bool bold = false)
    {
        using var font = new SKFont(bold ? BoldTypeface.Value : Typeface.Value, (float)size);
        return font.MeasureText(text);
    }

    /// <summary>The text, shortened with an ellipsis until it is at most <paramref name="width"/> points wide in bold.</summary>
    private static string Fitted(string text, double size, double width)
    {
        if (TextWidth(text, size, true) <= width)
        {
            return text;
        }

        var length = text.Length;
        while (length > 1 && TextWidth(text[..length].TrimEnd() + "…", size, true) > width)
        {
            length--;
        }

        return text[..length].TrimEnd() + "…";
    }

    private static (List<Box>, List<Band>, List<Label>) Layout(
        List<SankeyFlow> flows, Dictionary<string, int> columnOf, SankeyOptions options, string unit, string title, string caption, string caption2)
    {
        var boxes = new List<Box>();
        var bands = new List<Band>();
        var labels = new List<Label>
        {
            new(24, 34, Fitted(title, 22, options.Width - 48), 22, SKTextAlign.Left, "#111111", true, false),
            new(24, 56, caption, 13, SKTextAlign.Left, "#333333", false, false),
            new(24, 74, caption2, 13, SKTextAlign.Left, "#333333", false, false),
        };
        if (flows.Count == 0)
        {
            labels.Add(new(24, 110, "No money runs down the chain in this network.", LabelSize, SKTextAlign.Left, "#333333", false, false));
            return (boxes, bands, labels);
        }

        var nodes = columnOf.Keys.ToList();
        double In(string n) => flows.Where(f => f.To == n).Sum(f => f.Amount);
        double Out(string n) => flows.Where(f => f.From == n).Sum(f => f.Amount);
        var value = nodes.ToDictionary(n => n, n => Math.Max(In(n), Out(n)));
        var columns = nodes.Select(n => columnOf[n]).Distinct().Order().ToList();
        var byColumn = columns.ToDictionary(c => c, c => nodes.Where(n => columnOf[n] == c).OrderByDescending(n => value[n]).ThenBy(n => n, StringComparer.Ordinal).ToList());
        const double top = 136, gap = 14;
        var bottom = options.Height - 30;
        var scale = columns.Min(c => (bottom - top - ((gap + 28) * (byColumn[c].Count - 1))) / byColumn[c].Sum(n => value[n]));
        var labelWidth = byColumn[columns[0]].Max(n => Math.Max(TextWidth(n, LabelSize, true), TextWidth(ChainText.Money(value[n], unit), AmountSize))) + 14;
        var lastWidth = byColumn[columns[^1]].Max(n => Math.Max(TextWidth(n, LabelSize, true), TextWidth(ChainText.Money(value[n], unit), AmountSize))) + 14;
        var left = 24 + labelWidth;
        var right = options.Width - 24 - Math.Max((lastWidth / 2) + (NodeWidth / 2), NodeWidth);
        // A funder kind takes at least the height of its two-line label.
        double Room(string n) => columnOf[n] == columns[0] && byColumn[columns[0]].Count > 1 ? Math.Max(value[n] * scale, 28) : value[n] * scale;
        var x = new Dictionary<string, double>();
        var y = new Dictionary<string, double>();
        for (var i = 0; i < columns.Count; i++)
        {
            var cx = columns.Count == 1 ? left : left + ((right - left) * i / (columns.Count - 1));
            var column = byColumn[columns[i]];
            var height = column.Sum(n => Room(n)) + (gap * (column.Count - 1));
            var cy = column.Count > 1 ? top + ((bottom - top - height) / 2) : top + ((bottom - top - height) / 3);
            foreach (var n in column)
            {
                x[n] = cx;
                y[n] = cy;
                cy += Room(n) + gap;
            }
        }

        // Ribbons leave a bar in the order of where they land and enter a bar in the order of where they come from
        // (by the middle of the other bar, then by column), so ribbons between neighbours do not cross at the bars.
        double Middle(string n) => y[n] + (Room(n) / 2);
        var outOffset = new Dictionary<(string, string), double>();
        var inOffset = new Dictionary<(string, string), double>();
        foreach (var group in flows.GroupBy(f => f.From))
        {
            var offset = 0.0;
            foreach (var flow in group.OrderBy(f => Middle(f.To)).ThenBy(f => columnOf[f.To]).ThenBy(f => f.To, StringComparer.Ordinal))
            {
                outOffset[(flow.From, flow.To)] = offset;
                offset += flow.Amount * scale;
            }
        }

        foreach (var group in flows.GroupBy(f => f.To))
        {
            var offset = 0.0;
            foreach (var flow in group.OrderBy(f => Middle(f.From)).ThenBy(f => columnOf[f.From]).ThenBy(f => f.From, StringComparer.Ordinal))
            {
                inOffset[(flow.From, flow.To)] = offset;
                offset += flow.Amount * scale;
            }
        }

        foreach (var flow in flows.OrderBy(f => x[f.From]).ThenBy(f => columnOf[f.To]).ThenBy(f => y[f.To]))
        {
            var h = flow.Amount * scale;
            var y0 = y[flow.From] + outOffset[(flow.From, flow.To)];
            var y1 = y[flow.To] + inOffset[(flow.From, flow.To)];
            var tooltip = string.Create(CultureInfo.InvariantCulture, $"{flow.From} → {flow.To}: {DotText.Amount(flow.Amount)} {unit} in {flow.Links} link{(flow.Links == 1 ? "" : "s")}");
            bands.Add(new Band(x[flow.From] + NodeWidth, y0, x[flow.To], y1, h, Color(flow.From), tooltip));
        }

        foreach (var n in nodes.OrderBy(n => x[n]).ThenBy(n => y[n]))
        {
            var h = Math.Max(1.5, value[n] * scale);
            var tooltip = string.Create(CultureInfo.InvariantCulture, $"{n}: in {DotText.Amount(In(n))}, out {DotText.Amount(Out(n))} {unit}");
            boxes.Add(new Box(x[n], y[n], NodeWidth, h, Color(n), tooltip));
            if (columnOf[n] == columns[0] && byColumn[columns[0]].Count > 1)
            {
                // The funder kinds: labels to the left of their bars.
                var my = y[n] + (h / 2);
                labels.Add(new Label(x[n] - 6, my - 1, n, LabelSize, SKTextAlign.Right, "#111111", true, true));
                labels.Add(new Label(x[n] - 6, my + 14, ChainText.Money(value[n], unit), AmountSize, SKTextAlign.Right, "#333333", false, true));
            }
            else
            {
                // A tier: its label centred above its bar (one node per column leaves room there).
                var cx = x[n] + (NodeWidth / 2);
                labels.Add(new Label(cx, y[n] - 22, n, LabelSize, SKTextAlign.Center, "#111111", true, true));
                labels.Add(new Label(cx, y[n] - 7, ChainText.Money(value[n], unit), AmountSize, SKTextAlign.Center, "#333333", false, true));
            }
        }

        return (boxes, bands, labels);
    }

    private sealed record Box(double X, double Y, double W, double H, string Color, string Tooltip);

    private sealed record Label(double X, double Y, string Text, double Size, SKTextAlign Align, string Color, bool Bold, bool Halo);

    private sealed record Band(double X0, double Y0, double X1, double Y1, double H, string Color, string Tooltip)
    {
        public string Path()
        {
            var xm = (X0 + X1) / 2;
            return string.Create(CultureInfo.InvariantCulture,
                $"M{X0:0.##},{Y0:0.##} C{xm:0.##},{Y0:0.##} {xm:0.##},{Y1:0.##} {X1:0.##},{Y1:0.##} L{X1:0.##},{Y1 + H:0.##} C{xm:0.##},{Y1 + H:0.##} {xm:0.##},{Y0 + H:0.##} {X0:0.##},{Y0 + H:0.##} Z");
        }
    }
}

/// <summary>One ribbon of a <see cref="SankeyDiagram"/>: money from a funder kind or tier to a tier.</summary>
/// <param name="From">The source node (a funder kind, or a tier).</param>
/// <param name="To">The target node (a tier).</param>
/// <param name="Amount">The money, in the network's unit.</param>
/// <param name="Links">How many links it sums.</param>
public sealed record SankeyFlow(string From, string To, double Amount, int Links);
