using AiContagion.Export;

namespace AiContagion.Tests.Export;

/// <summary>The readability measure by hand: sizes, units, inherited font sizes, the page scale and the 7 pt rule.</summary>
[TestClass]
public sealed class ReadabilityTests
{
    [TestMethod]
    public void Measure_GraphvizStyle_PointsAndTheA3Scale()
    {
        // 2381.1 × 1000 pt: A3 landscape is 1190.55 × 841.89, so the scale is min(1190.55 / 2381.1, 841.89 / 1000) = 0.5;
        // the 12 pt text prints at 6 pt (refused); the 16 pt title at 8.
        const string svg = """
            <svg width="2381.1pt" height="1000pt" viewBox="0.00 0.00 2381.10 1000.00" xmlns="http://www.w3.org/2000/svg">
            <g><text font-size="16.00">Title</text><g class="node"><text font-size="12.00">OpenAI</text></g></g></svg>
            """;

        var readability = Readability.Measure(svg);

        Assert.AreEqual(2381.1, readability.Width, 1e-9);
        Assert.AreEqual(1000, readability.Height, 1e-9);
        Assert.AreEqual(12, readability.SmallestText, 1e-9);
        Assert.AreEqual(2, readability.TextCount);
        Assert.AreEqual(0.5, readability.PageScale, 1e-12);
        Assert.AreEqual(6, readability.SmallestTextOnPage, 1e-9);
        Assert.AreEqual(16, readability.SmallestTextOnScreen, 1e-9);
        Assert.IsTrue(readability.Landscape);
        Assert.IsFalse(readability.IsReadable());
        Assert.IsTrue(readability.IsReadable(6));
        StringAssert.Contains(readability.ToString(), "smallest text 12 pt: 6.0 pt on A3 landscape (scale 0.50), 16 px at 100 %");
    }

    [TestMethod]
    public void Measure_PixelsInheritanceAndPortrait()
    {
        // 800 × 1600 px = 600 × 1200 pt: taller than wide, it fits A3 portrait (841.89 × 1190.55) at 1190.55 / 1200.
        // User units are pixels here (viewBox = width in px), so font-size 20 = 15 pt, inherited by the text; the
        // style attribute's 16px = 12 pt.
        const string svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="800px" height="1600px" viewBox="0 0 800 1600">
            <g font-size="20"><text>inherits 20</text></g><text style="fill:red; font-size: 16px">style</text></svg>
            """;

        var readability = Readability.Measure(svg);

        Assert.AreEqual(600, readability.Width, 1e-9);
        Assert.AreEqual(1200, readability.Height, 1e-9);
        Assert.AreEqual(12, readability.SmallestText, 1e-9);
        Assert.IsFalse(readability.Landscape);
        Assert.AreEqual(1190.55 / 1200, readability.PageScale, 1e-12);
    }

    [TestMethod]
    public void Measure_SmallPicture_NeverEnlarged()
    {
        // Without a view box a user unit is a CSS pixel: font-size 9 is 9 px = 6.75 pt, printed as it is.
        var readability = Readability.Measure("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300pt\" height=\"200pt\"><text font-size=\"9\">x</text></svg>", PageSize.A4);

        Assert.AreEqual(1, readability.PageScale);
        Assert.AreEqual(6.75, readability.SmallestTextOnPage, 1e-9);
        Assert.AreEqual("A4", readability.Page.Name);
    }

    [TestMethod]
    public void Measure_NotSvg_ArgumentException()
    {
        Assert.ThrowsExactly<ArgumentException>(() => Readability.Measure("<svg"));
        Assert.ThrowsExactly<ArgumentException>(() => Readability.Measure("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"));
    }

    [TestMethod]
    public void PageSize_Parse()
    {
        Assert.AreSame(PageSize.A3, PageSize.Parse("a3"));
        Assert.AreSame(PageSize.A4, PageSize.Parse(" A4 "));
        Assert.IsNull(PageSize.Parse("letter"));
    }
}
