using AiContagion.Flow;
using AiContagion.Model;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Flow;

[TestClass]
public sealed class EntitySelectionTests
{
    [TestMethod]
    [DataRow("funding", "vc-fund,bank")]
    [DataRow("sector:Neocloud", "neocloud")]
    [DataRow("sector:model-lab", "model-lab")]
    [DataRow("chipmaker, app-startup", "chipmaker,app-startup")]
    [DataRow("app-startup,sector:Bank,id:chipmaker", "bank,chipmaker,app-startup")]
    public void Parse_Forms_SelectInNetworkOrder(string text, string expected)
    {
        var selection = EntitySelection.Parse(text);

        Assert.AreEqual(expected, string.Join(",", selection.Select(Networks.ToyChain())));
        Assert.AreEqual(selection, EntitySelection.Parse(selection.ToString()));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow(" , ")]
    [DataRow("sector:Spaceships")]
    [DataRow("id:")]
    public void TryParse_Bad_FalseWithProblem(string text)
    {
        Assert.IsFalse(EntitySelection.TryParse(text, out _, out var problem));
        Assert.IsFalse(string.IsNullOrEmpty(problem));
        Assert.ThrowsExactly<FormatException>(() => EntitySelection.Parse(text));
    }

    [TestMethod]
    public void Select_UnknownIdOrEmptySector_Throws()
    {
        Assert.ThrowsExactly<KeyNotFoundException>(() => EntitySelection.Of("nope").Select(Networks.ToyChain()));
        Assert.ThrowsExactly<ArgumentException>(() => EntitySelection.InSector(Sector.Sovereign).Select(Networks.ToyChain()));
    }

    [TestMethod]
    public void ToString_IdThatLooksLikeAKeyword_IsEscaped() =>
        Assert.AreEqual("id:funding,sector:Bank", EntitySelection.Union(EntitySelection.Of("funding"), EntitySelection.InSector(Sector.Bank)).ToString());
}
