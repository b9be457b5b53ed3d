using System.Reflection;
using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Model;

/// <summary>
/// The field schema is the one description of every entity and link field: these tests hold it to that (every settable
/// property has an entry and each entry a property; equality, reserved names and CSV columns follow it; every field is
/// documented in graphs/README.md), so a new field cannot be added halfway.
/// </summary>
[TestClass]
public sealed class FieldSchemaTests
{
    // A value of each kind, as text in the field's encoding.
    private static readonly Dictionary<FieldKind, string> Sample = new()
    {
        [FieldKind.Text] = "x",
        [FieldKind.Number] = "0.5",
        [FieldKind.Boolean] = "true",
        [FieldKind.Month] = "2026-03",
        [FieldKind.Schedule] = "2026-03:1;2026-09:2.5",
    };

    [TestMethod]
    public void Entity_EverySettablePropertyHasAField_AndEveryFieldAProperty() =>
        AssertFieldsMatchProperties<Entity>(FieldSchema.Entities);

    [TestMethod]
    public void Link_EverySettablePropertyHasAField_AndEveryFieldAProperty() =>
        AssertFieldsMatchProperties<Link>(FieldSchema.Links);

    [TestMethod]
    public void Entity_EachOptionalField_DecidesEquality() =>
        AssertEachFieldDecidesEquality(FieldSchema.Entities, new Entity("a", Sector.Bank));

    [TestMethod]
    public void Link_EachOptionalField_DecidesEquality() =>
        AssertEachFieldDecidesEquality(FieldSchema.Links, new Link("a", "b", LinkKind.Loan, 1));

    [TestMethod]
    public void ReservedNames_AreTheFieldNames_ButTheLegacyConfidenceAttribute()
    {
        CollectionAssert.AreEquivalent(
            FieldSchema.Entities.Names.Append("attributes").ToArray(),
            FinancingNetworkBuilder.ReservedEntityFields.ToArray());
        CollectionAssert.AreEquivalent(
            FieldSchema.Links.Names.Where(n => n != "confidence").Append("attributes").Append("id").ToArray(),
            FinancingNetworkBuilder.ReservedLinkFields.ToArray());
    }

    [TestMethod]
    public void CsvColumns_AreTheFieldNames_InSchemaOrder()
    {
        CollectionAssert.AreEqual(FieldSchema.Entities.Names.ToArray(), CsvSchema.EntityColumns.ToArray());
        CollectionAssert.AreEqual(FieldSchema.Links.Names.ToArray(), CsvSchema.LinkColumns.ToArray());
    }

    [TestMethod]
    public void ChoiceFields_WriteNewNamesInLowerCase_AndReadAnyCase()
    {
        var link = new Link("a", "b", LinkKind.Loan, 1);
        var confidence = FieldSchema.Links.Find("confidence")!;
        var seniority = FieldSchema.Links.Find("seniority")!;

        var read = seniority.Parse(confidence.Parse(link, "Estimate", out var e1), "JUNIOR", out var e2);

        Assert.IsNull(e1);
        Assert.IsNull(e2);
        Assert.AreEqual("estimate", confidence.Format(read));
        Assert.AreEqual("junior", seniority.Format(read));
        confidence.Parse(link, "filing", out var error);
        Assert.AreEqual("unknown confidence 'filing'; expected one of reported, estimate, derived", error);
    }

    [TestMethod]
    [DataRow("2026-03:5;2026-09:5", "2026-03:5;2026-09:5")]
    [DataRow(" 2026-03-15 : 5 ; 2026-09:5.25 ", "2026-03:5;2026-09:5.25")]
    [DataRow("2026-03:1e-3", "2026-03:0.001")]
    public void ScheduleText_ReadsAndWritesCanonically(string text, string written)
    {
        var schedule = FieldSchema.Links.Find("schedule")!;

        var link = schedule.Parse(new Link("a", "b", LinkKind.Loan, 10), text.Trim(), out var error);

        Assert.IsNull(error);
        Assert.AreEqual(written, schedule.Format(link));
    }

    [TestMethod]
    [DataRow("2026-03=5", "'2026-03=5' is not month:amount; expected month:amount pairs separated by ';', e.g. 2026-03:5;2026-09:5")]
    [DataRow("2026-03:5;2026-13:5", "payment 2 '2026-13:5': '2026-13' is not a month; expected YYYY-MM or YYYY-MM-DD")]
    [DataRow("2026-03:five", "'2026-03:five': 'five' is not a number (use a dot for decimals and no thousands separators)")]
    [DataRow("2026-03:5;", "payment 2 '' is not month:amount; expected month:amount pairs separated by ';', e.g. 2026-03:5;2026-09:5")]
    public void ScheduleText_Malformed_SaysWhatIsWrong(string text, string message)
    {
        FieldSchema.Links.Find("schedule")!.Parse(new Link("a", "b", LinkKind.Loan, 10), text, out var error);

        Assert.AreEqual(message, error);
    }

    [TestMethod]
    public void Readme_DocumentsEveryField()
    {
        var readme = File.ReadAllText(Repo.Path("graphs", "README.md"));
        var formats = readme[readme.IndexOf("# The formats", StringComparison.Ordinal)..];
        foreach (var name in FieldSchema.Entities.Names.Concat(FieldSchema.Links.Names))
        {
            Assert.IsTrue(formats.Contains($"`{name}`", StringComparison.Ordinal), $"graphs/README.md's format section does not document '{name}'");
        }
    }

    [TestMethod]
    public void Readme_FormatExamples_AreValidNetworks()
    {
        var readme = File.ReadAllText(Repo.Path("graphs", "README.md")).ReplaceLineEndings("\n");
        var formats = readme[readme.IndexOf("# The formats", StringComparison.Ordinal)..];
        string Block(string language, int which = 0) =>
            System.Text.RegularExpressions.Regex.Matches(formats, $"```{language}\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline)[which].Groups[1].Value;

        var json = JsonNetworkReader.Parse(Block("json"), "README json");
        var csv = CsvNetworkReader.Read(CsvSource.FromText("README entities.csv", Block("csv")), CsvSource.FromText("README links.csv", Block("csv", 1)));
        var graphMl = GraphMlNetworkReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Block("xml"))), "README graphml");

        Assert.AreEqual((3, 3), (json.EntityCount, json.LinkCount));
        Assert.AreEqual(DebtSeniority.Junior, json.Links[2].Seniority);
        Assert.AreEqual(2, csv.Links[1].Schedule.Length);
        Assert.AreEqual(6, graphMl.Links[0].Schedule[1].Amount);
    }

    private static void AssertFieldsMatchProperties<TRecord>(RecordFields<TRecord> fields)
        where TRecord : class
    {
        var settable = typeof(TRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null && p.Name != "Attributes")
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])
            .ToArray();

        CollectionAssert.AreEquivalent(settable, fields.Names.ToArray());
    }

    private static void AssertEachFieldDecidesEquality<TRecord>(RecordFields<TRecord> fields, TRecord plain)
        where TRecord : class
    {
        foreach (var field in fields.Optional)
        {
            // Choices: a value other than the enum's first (a default that a broken setter could also produce).
            var text = field.Kind == FieldKind.Choice ? (field.Name == "seniority" ? "junior" : "estimate") : Sample[field.Kind];

            var set = field.Parse(plain, text, out var error);

            Assert.IsNull(error, field.Name);
            Assert.IsTrue(field.IsPresent(set), field.Name);
            Assert.IsFalse(field.IsPresent(plain), field.Name);
            Assert.AreEqual(text, field.Format(set), $"{field.Name}: the text reads back as written");
            Assert.AreNotEqual(plain, set, $"{field.Name}: a record with the field differs from one without");
            Assert.AreEqual(set, field.Parse(plain, text, out _), $"{field.Name}: records with the same value are equal");
        }
    }
}
