using System.Globalization;
using System.Xml;

namespace AiContagion.Export;

/// <summary>
/// How readable a rendered picture is: its natural size, its smallest text, and what that text becomes when the
/// picture is printed on a page (shrunk to fit, never enlarged) or shown at 100 % on a screen (96 pixels per inch).
/// </summary>
/// <param name="Width">The picture's width in points.</param>
/// <param name="Height">The picture's height in points.</param>
/// <param name="SmallestText">The smallest font size of any text in it, in points (<see cref="double.PositiveInfinity"/> when it has no text).</param>
/// <param name="TextCount">How many text elements it has.</param>
/// <param name="Page">The page it is checked against.</param>
/// <param name="Landscape">Whether it fits that page best in landscape.</param>
/// <param name="PageScale">The shrink factor that fits it on the page (1 when it fits as it is).</param>
public sealed record Readability(double Width, double Height, double SmallestText, int TextCount, PageSize Page, bool Landscape, double PageScale)
{
    /// <summary>The usual floor: text under 7 pt on paper is too small to read.</summary>
    public const double MinimumPrintedText = 7;

    /// <summary>The smallest text when printed on <see cref="Page"/>, in points.</summary>
    public double SmallestTextOnPage => SmallestText * PageScale;

    /// <summary>The smallest text at 100 % on a 96 dpi screen, in pixels.</summary>
    public double SmallestTextOnScreen => SmallestText * 96 / 72;

    /// <summary>Whether the smallest text printed on the page is at least <paramref name="minimum"/> points.</summary>
    /// <param name="minimum">The floor in points (default 7).</param>
    /// <returns>Whether it is readable.</returns>
    public bool IsReadable(double minimum = MinimumPrintedText) => TextCount == 0 || SmallestTextOnPage >= minimum - 1e-9;

    /// <summary>
    /// Measures an SVG document: the root's <c>width</c>/<c>height</c> (pt, px, in, mm, cm or unitless = px; else the
    /// view box) and every <c>&lt;text&gt;</c> element's <c>font-size</c> (its own or an ancestor's, as an attribute or
    /// in a <c>style</c>; a unitless size is in user units, which the view box maps onto the width). Graphviz's and <see cref="SankeyDiagram"/>'s SVG both qualify.
    /// </summary>
    /// <param name="svg">The SVG text.</param>
    /// <param name="page">The page to check against; <see langword="null"/> means A3.</param>
    /// <returns>The measurements.</returns>
    /// <exception cref="ArgumentException">The text is not well-formed SVG with a size.</exception>
    /// <remarks>O(length of the document). Thread-safe.</remarks>
    public static Readability Measure(string svg, PageSize? page = null)
    {
        ArgumentNullException.ThrowIfNull(svg);
        page ??= PageSize.A3;
        double width = double.NaN, height = double.NaN, pointsPerUnit = 0.75;
        var smallest = double.PositiveInfinity;
        var texts = 0;
        var sizes = new Stack<double>();
        sizes.Push(16);
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(svg), settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement)
                {
                    sizes.Pop();
                    continue;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName == "svg" && double.IsNaN(width))
                {
                    width = Length(reader.GetAttribute("width"));
                    height = Length(reader.GetAttribute("height"));
                    var box = reader.GetAttribute("viewBox")?.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
                    var boxWidth = box is { Length: 4 } ? double.Parse(box[2], CultureInfo.InvariantCulture) : double.NaN;
                    var boxHeight = box is { Length: 4 } ? double.Parse(box[3], CultureInfo.InvariantCulture) : double.NaN;
                    if (double.IsNaN(width) || double.IsNaN(height))
                    {
                        width = boxWidth * 0.75;
                        height = boxHeight * 0.75;
                    }

                    // A user unit (a unitless length inside the picture) is what the view box maps onto the width.
                    pointsPerUnit = boxWidth > 0 ? width / boxWidth : 0.75;
                }

                var size = FontSize(reader) is { } own ? own * pointsPerUnit : sizes.Peek();
                if (reader.LocalName == "text")
                {
                    texts++;
                    smallest = Math.Min(smallest, size);
                }

                if (!reader.IsEmptyElement)
                {
                    sizes.Push(size);
                }
            }
        }
        catch (XmlException e)
        {
            throw new ArgumentException("The picture is not well-formed SVG: " + e.Message, nameof(svg), e);
        }

        if (!(width > 0) || !(height > 0))
        {
            throw new ArgumentException("The SVG document has no width and height.", nameof(svg));
        }

        var landscapeScale = Math.Min(1, Math.Min(page.Width / width, page.Height / height));
        var portraitScale = Math.Min(1, Math.Min(page.Height / width, page.Width / height));
        var landscape = landscapeScale >= portraitScale;
        return new Readability(width, height, smallest, texts, page, landscape, landscape ? landscapeScale : portraitScale);
    }

    /// <summary>
    /// One line such as <c>1455 × 928 pt; smallest text 12 pt: 9.8 pt on A3 landscape, 16 px at 100 %</c>.
    /// </summary>
    /// <returns>The text, invariant culture.</returns>
    public override string ToString() => TextCount == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Width:0} × {Height:0} pt; no text")
        : string.Create(CultureInfo.InvariantCulture,
            $"{Width:0} × {Height:0} pt; smallest text {SmallestText:0.#} pt: {SmallestTextOnPage:0.0} pt on {Page.Name} {(Landscape ? "landscape" : "portrait")} (scale {PageScale:0.00}), {SmallestTextOnScreen:0.#} px at 100 %");

    private static double? FontSize(XmlReader reader)
    {
        if (reader.GetAttribute("font-size") is { } size)
        {
            return Length(size) / 0.75;
        }

        if (reader.GetAttribute("style") is { } style)
        {
            foreach (var declaration in style.Split(';'))
            {
                var colon = declaration.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && declaration[..colon].Trim() == "font-size")
                {
                    return Length(declaration[(colon + 1)..]) / 0.75;
                }
            }
        }

        return null;
    }

    /// <summary>A CSS/SVG length in points (px and unitless count as CSS pixels, 0.75 pt).</summary>
    private static double Length(string? text)
    {
        if (text is null)
        {
            return double.NaN;
        }

        text = text.Trim();
        var (number, factor) = text switch
        {
            _ when text.EndsWith("pt", StringComparison.Ordinal) => (text[..^2], 1.0),
            _ when text.EndsWith("px", StringComparison.Ordinal) => (text[..^2], 0.75),
            _ when text.EndsWith("in", StringComparison.Ordinal) => (text[..^2], 72.0),
            _ when text.EndsWith("mm", StringComparison.Ordinal) => (text[..^2], 72 / 25.4),
            _ when text.EndsWith("cm", StringComparison.Ordinal) => (text[..^2], 72 / 2.54),
            _ => (text, 0.75),
        };
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value * factor : double.NaN;
    }
}
