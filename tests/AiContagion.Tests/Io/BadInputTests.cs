using AiContagion.Io;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Io;

/// <summary>
/// The bad-input corpus under Data/BadInput: every file (or CSV folder) is rejected by the reader with a
/// <see cref="NetworkFormatException"/> naming the place. (The CLI's half — exit code 2, the same place on standard
/// error, no stack trace — is <c>Cli/ValidateCommandTests.Corpus_EachFile_ExitCode2WithThePlace</c>, over these rows.)
/// </summary>
[TestClass]
public sealed class BadInputTests
{
    [TestMethod]
    [DataRow("json/missing-field.json", "$.links[0].amount", "missing required field")]
    [DataRow("json/unknown-entity.json", "$.links[0]", "unknown entity 'ghost'")]
    [DataRow("json/negative-amount.json", "$.links[1]", "must not be negative")]
    [DataRow("json/nan-amount.json", "nan-amount.json:3", "malformed JSON")]
    [DataRow("json/huge-number.json", "$.entities[0].cash", "out of the range of a double")]
    [DataRow("json/duplicate-id.json", "$.entities[2]", "duplicate id")]
    [DataRow("json/wrong-type.json", "$.links[0].amount", "expected a number; got the string \"12\"")]
    [DataRow("json/truncated.json", "truncated.json:3", "malformed JSON")]
    [DataRow("json/empty.json", "empty.json:1", "the file is empty")]
    [DataRow("json/unknown-field.json", "$.links[0].ammount", "did you mean 'amount'?")]
    [DataRow("json/unknown-sector.json", "$.entities[0].sector", "unknown sector 'Hedgefund'")]
    [DataRow("json/self-link.json", "$.links[0]", "self-link")]
    [DataRow("json/wrong-format.json", "$.format", "unsupported format 'aicontagion/2'")]
    [DataRow("json/not-object.json", "not-object.json $", "got an array")]
    [DataRow("json/utf16.json", "utf16.json:1", "UTF-16")]
    [DataRow("json/tolerance-out-of-range.json", "$.entities[0]", "must be in [0, 1]")]
    [DataRow("csv/missing-column", "links.csv:1", "'amount': missing required column")]
    [DataRow("csv/unquoted-comma", "links.csv:3", "expected 5 fields as in the header, got 6")]
    [DataRow("csv/unknown-entity", "links.csv:3", "unknown entity 'ghost'")]
    [DataRow("csv/bad-number", "entities.csv:2", "'1,5' is not a number")]
    [DataRow("csv/nan", "links.csv:2", "'NaN' is not a finite number")]
    [DataRow("csv/unterminated-quote", "links.csv:2", "badly quoted")]
    [DataRow("csv/missing-links-file", "links.csv", "missing file")]
    [DataRow("csv/empty-entities", "entities.csv:1", "the file is empty")]
    [DataRow("csv/duplicate-id", "entities.csv:4", "duplicate id")]
    [DataRow("csv/quote-in-field", "entities.csv:2", "badly quoted")]
    [DataRow("csv/unknown-kind", "links.csv:2", "unknown kind 'Mortgage'")]
    [DataRow("csv/huge-number", "links.csv:2", "'1e400' is not a finite number")]
    [DataRow("csv/latin1", "entities.csv:2", "invalid UTF-8 at byte 25")]
    [DataRow("graphml/dtd.graphml", "dtd.graphml", "DTD")]
    [DataRow("graphml/external-entity.graphml", "external-entity.graphml", "DTD processing is off")]
    [DataRow("graphml/truncated.graphml", "truncated.graphml:7", "malformed XML")]
    [DataRow("graphml/undirected.graphml", "undirected.graphml:4", "directed")]
    [DataRow("graphml/missing-sector.graphml", "missing-sector.graphml:6", "'sector': missing required data")]
    [DataRow("graphml/undeclared-key.graphml", "undeclared-key.graphml:6", "refers to no declared <key>")]
    [DataRow("graphml/empty.graphml", "empty.graphml", "malformed XML")]
    [DataRow("graphml/bad-amount.graphml", "bad-amount.graphml:9", "'lots' is not a finite number")]
    [DataRow("graphml/unknown-target.graphml", "unknown-target.graphml:8", "unknown entity 'nobody'")]
    public void Corpus_EachFile_RejectedWithPlace(string file, string place, string message)
    {
        var path = Repo.TestData("BadInput", file);

        var error = Assert.ThrowsExactly<NetworkFormatException>(() => FinancingNetworkFile.Load(path));
        StringAssert.Contains(error.Message, place);
        StringAssert.Contains(error.Message, message);
    }

    [TestMethod]
    public void Corpus_HasAtLeastTwentyCasesAcrossThreeFormats()
    {
        var root = Repo.TestData("BadInput");
        var cases = Directory.GetFiles(Path.Combine(root, "json")).Length
            + Directory.GetDirectories(Path.Combine(root, "csv")).Length
            + Directory.GetFiles(Path.Combine(root, "graphml")).Length;
        Assert.IsGreaterThanOrEqualTo(20, cases);
    }
    [TestMethod]
    public void Json_ManyProblems_AllReportedAtOnce()
    {
        const string json = """
            { "format": "aicontagion/1",
              "entities": [ { "id": "a", "sector": "Bank", "cash": -1 }, { "id": "a", "sector": "Nope" } ],
              "links": [ { "from": "a", "to": "x", "kind": "Loan", "amount": 1 }, { "from": "a", "kind": "Bogus", "amount": "1" } ] }
            """;

        var error = Assert.ThrowsExactly<NetworkFormatException>(() => JsonNetworkReader.Parse(json, "inline.json"));

        var paths = error.Problems.Select(p => p.Location?.Path).ToList();
        CollectionAssert.IsSubsetOf(
            new[] { "$.entities[1].sector", "$.links[1].to", "$.links[1].kind", "$.links[1].amount", "$.entities[0]", "$.entities[1]", "$.links[0]" },
            paths);
    }
}
