using System.Text;
using AiContagion.Export;

namespace AiContagion.Tests.Export;

[TestClass]
public sealed class DotTextTests
{
    [TestMethod]
    [DataRow("openai", "\"openai\"")]
    [DataRow("a\"b", "\"a\\\"b\"")]
    [DataRow("a\\b", "\"a\\\\b\"")]
    [DataRow("ends with \\", "\"ends with \\\\\"")]
    [DataRow("\\\"", "\"\\\\\\\"\"")]
    [DataRow("a\nb", "\"a\\nb\"")]
    [DataRow("a\rb", "\"a\\rb\"")]
    [DataRow("AT&T", "\"AT\\u0026T\"")]
    [DataRow("%1 and 100%", "\"\\u00251 and 100%\"")]
    [DataRow("x\u0001y\u007f\u0085", "\"x\\u0001y\\u007F\\u0085\"")]
    [DataRow("\uFFFF", "\"\\uFFFF\"")]
    [DataRow("a -> b; c -- d { } [ ] < >", "\"a -> b; c -- d { } [ ] < >\"")]
    [DataRow("Zürich 中 😀", "\"Zürich 中 😀\"")]
    public void AppendId_Escapes(string id, string expected) =>
        Assert.AreEqual(expected, DotText.AppendId(new StringBuilder(), id).ToString());

    [TestMethod]
    public void AppendId_LoneSurrogates_EscapedNotMerged()
    {
        Assert.AreEqual("\"\\uD800x\"", DotText.AppendId(new StringBuilder(), "\uD800x").ToString());
        Assert.AreEqual("\"\\uDC00\"", DotText.AppendId(new StringBuilder(), "\uDC00").ToString());
    }

    [TestMethod]
    public void AppendId_EscapeLookalikes_StayDistinct()
    {
        // A literal backslash-u sequence and the character it names must not collide (injectivity).
        var literal = DotText.AppendId(new StringBuilder(), "\\u0026").ToString();
        var escaped = DotText.AppendId(new StringBuilder(), "&").ToString();
        var newline = DotText.AppendId(new StringBuilder(), "\n").ToString();
        var backslashN = DotText.AppendId(new StringBuilder(), "\\n").ToString();

        Assert.AreEqual("\"\\\\u0026\"", literal);
        Assert.AreEqual("\"\\u0026\"", escaped);
        Assert.AreNotEqual(newline, backslashN);
    }

    [TestMethod]
    [DataRow("Harbour Bank", "\"Harbour Bank\"")]
    [DataRow("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [DataRow("\\N and \\G", "\"\\\\N and \\\\G\"")]
    [DataRow("a\r\nb\rc\nd\u2028e", "\"a\\nb\\nc\\nd\\ne\"")]
    [DataRow("&alpha; & co", "\"&amp;alpha; &amp; co\"")]
    [DataRow("<b>bold</b>", "\"<b>bold</b>\"")]
    [DataRow("tab\there", "\"tab here\"")]
    [DataRow("bell\u0007 \uFFFE", "\"bell\uFFFD \uFFFD\"")]
    [DataRow("ends with \\", "\"ends with \\\\\"")]
    public void AppendLabel_Escapes(string text, string expected) =>
        Assert.AreEqual(expected, DotText.AppendLabel(new StringBuilder(), [text]).ToString());

    [TestMethod]
    public void AppendLabel_LoneSurrogate_Replaced() =>
        Assert.AreEqual("\"a\uFFFDb\uFFFD\"", DotText.AppendLabel(new StringBuilder(), ["a\uD800b\uDC00"]).ToString());

    [TestMethod]
    public void AppendLabel_Lines_JoinedWithLineBreakEscape() =>
        Assert.AreEqual("\"one\\ntwo\"", DotText.AppendLabel(new StringBuilder(), ["one", "two"]).ToString());

    [TestMethod]
    [DataRow("abcdef", 10, "abcdef")]
    [DataRow("abcdef", 6, "abcdef")]
    [DataRow("abcdef", 4, "abc…")]
    [DataRow("ab😀cd", 4, "ab…")]
    [DataRow("ab😀cd", 5, "ab😀…")]
    [DataRow("e\u0301e\u0301e\u0301", 4, "e\u0301…")]
    [DataRow("abc", 1, "…")]
    public void Truncate_CutsAtTextElementBoundary(string text, int maximum, string expected) =>
        Assert.AreEqual(expected, DotText.Truncate(text, maximum));

    [TestMethod]
    [DataRow(0.0, "0")]
    [DataRow(12.0, "12")]
    [DataRow(1.5, "1.5")]
    [DataRow(2.345, "2.35")]
    [DataRow(0.25, "0.25")]
    [DataRow(0.0005, "0.0005")]
    [DataRow(12345.4, "12,345")]
    [DataRow(-3.0, "-3")]
    public void Amount_InvariantCompact(double value, string expected) => Assert.AreEqual(expected, DotText.Amount(value));
}
