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

    /// <summary>
    /// The rules of the dated-cash-flow, uncertainty and stake fields, each broken in one file per format: the reader
    /// reports exactly these problems, each with its file and line or JSON path, its item and field ({dir} is the
    /// corpus folder), and the CLI exits with 2 and prints them.
    /// </summary>
    [TestMethod]
    [DataRow("json/bad-confidence.json", "{dir}/json/bad-confidence.json $.links[0].confidence: 'confidence': unknown confidence 'sure'; expected one of reported, estimate, derived")]
    [DataRow("csv/bad-confidence", "{dir}/csv/bad-confidence/links.csv:2: 'confidence': unknown confidence 'sure'; expected one of reported, estimate, derived")]
    [DataRow("graphml/bad-confidence.graphml", "{dir}/graphml/bad-confidence.graphml:13: edge (a -> b): 'confidence': unknown confidence 'sure'; expected one of reported, estimate, derived")]
    [DataRow("json/bad-month.json", "{dir}/json/bad-month.json $.links[0].start: 'start': '2026-13' is not a month; expected YYYY-MM or YYYY-MM-DD")]
    [DataRow("csv/bad-month", "{dir}/csv/bad-month/links.csv:2: 'start': '2026-13' is not a month; expected YYYY-MM or YYYY-MM-DD")]
    [DataRow("graphml/bad-month.graphml", "{dir}/graphml/bad-month.graphml:13: edge (a -> b): 'start': '2026-13' is not a month; expected YYYY-MM or YYYY-MM-DD")]
    [DataRow("json/collateral-on-lease.json", "{dir}/json/collateral-on-lease.json $.links[0]: link #0 (a -> b): 'collateral': only debt links (Loan, Bond, CreditFacility, VendorFinancing) carry it; this link is Lease")]
    [DataRow("csv/collateral-on-lease", "{dir}/csv/collateral-on-lease/links.csv:2: link #0 (a -> b): 'collateral': only debt links (Loan, Bond, CreditFacility, VendorFinancing) carry it; this link is Lease")]
    [DataRow("graphml/collateral-on-lease.graphml", "{dir}/graphml/collateral-on-lease.graphml:13: link #0 (a -> b): 'collateral': only debt links (Loan, Bond, CreditFacility, VendorFinancing) carry it; this link is Lease")]
    [DataRow("json/collateral-unknown.json", "{dir}/json/collateral-unknown.json $.links[0]: link #0 (a -> b): 'collateral': names no entity and no asset ('ghost'); a collateral is the id of an entity in which the borrower holds a stake, or of an asset of the holdings layer")]
    [DataRow("csv/collateral-unknown", "{dir}/csv/collateral-unknown/links.csv:2: link #0 (a -> b): 'collateral': names no entity and no asset ('ghost'); a collateral is the id of an entity in which the borrower holds a stake, or of an asset of the holdings layer")]
    [DataRow("graphml/collateral-unknown.graphml", "{dir}/graphml/collateral-unknown.graphml:13: link #0 (a -> b): 'collateral': names no entity and no asset ('ghost'); a collateral is the id of an entity in which the borrower holds a stake, or of an asset of the holdings layer")]
    [DataRow("json/growth-minus-one.json", "{dir}/json/growth-minus-one.json $.entities[1]: entity 'b': 'revenueGrowth': must be above -1 (a yearly growth rate; -1 is -100 %); got -1")]
    [DataRow("csv/growth-minus-one", "{dir}/csv/growth-minus-one/entities.csv:3: entity 'b': 'revenueGrowth': must be above -1 (a yearly growth rate; -1 is -100 %); got -1")]
    [DataRow("graphml/growth-minus-one.graphml", "{dir}/graphml/growth-minus-one.graphml:11: entity 'b': 'revenueGrowth': must be above -1 (a yearly growth rate; -1 is -100 %); got -1")]
    [DataRow("json/high-below-amount.json", "{dir}/json/high-below-amount.json $.links[0]: link #0 (a -> b): 'high': must not be below the amount; got high 8, amount 10")]
    [DataRow("csv/high-below-amount", "{dir}/csv/high-below-amount/links.csv:2: link #0 (a -> b): 'high': must not be below the amount; got high 8, amount 10")]
    [DataRow("graphml/high-below-amount.graphml", "{dir}/graphml/high-below-amount.graphml:14: link #0 (a -> b): 'high': must not be below the amount; got high 8, amount 10")]
    [DataRow("json/low-above-amount.json", "{dir}/json/low-above-amount.json $.links[0]: link #0 (a -> b): 'low': must not be above the amount; got low 12, amount 10")]
    [DataRow("csv/low-above-amount", "{dir}/csv/low-above-amount/links.csv:2: link #0 (a -> b): 'low': must not be above the amount; got low 12, amount 10")]
    [DataRow("graphml/low-above-amount.graphml", "{dir}/graphml/low-above-amount.graphml:14: link #0 (a -> b): 'low': must not be above the amount; got low 12, amount 10")]
    [DataRow("json/maturity-before-start.json", "{dir}/json/maturity-before-start.json $.links[0]: link #0 (a -> b): 'maturity': must not be before the start; got 2026-03, start 2026-06")]
    [DataRow("csv/maturity-before-start", "{dir}/csv/maturity-before-start/links.csv:2: link #0 (a -> b): 'maturity': must not be before the start; got 2026-03, start 2026-06")]
    [DataRow("graphml/maturity-before-start.graphml", "{dir}/graphml/maturity-before-start.graphml:14: link #0 (a -> b): 'maturity': must not be before the start; got 2026-03, start 2026-06")]
    [DataRow("json/maturity-on-equity.json", "{dir}/json/maturity-on-equity.json $.links[0]: link #0 (a -> b): 'maturity': only debt links (Loan, Bond, CreditFacility, VendorFinancing) carry it; this link is Equity")]
    [DataRow("csv/maturity-on-equity", "{dir}/csv/maturity-on-equity/links.csv:2: link #0 (a -> b): 'maturity': only debt links (Loan, Bond, CreditFacility, VendorFinancing) carry it; this link is Equity")]
    [DataRow("graphml/maturity-on-equity.graphml", "{dir}/graphml/maturity-on-equity.graphml:13: link #0 (a -> b): 'maturity': only debt links (Loan, Bond, CreditFacility, VendorFinancing) carry it; this link is Equity")]
    [DataRow("json/maxltv-on-equity.json", "{dir}/json/maxltv-on-equity.json $.links[0]: link #0 (a -> b): 'maxLtv': only debt links (Loan, Bond, CreditFacility, VendorFinancing) carry it; this link is Equity\n{dir}/json/maxltv-on-equity.json $.links[0]: link #0 (a -> b): 'maxLtv': a maximum loan-to-value needs a collateral")]
    [DataRow("csv/maxltv-on-equity", "{dir}/csv/maxltv-on-equity/links.csv:2: link #0 (a -> b): 'maxLtv': only debt links (Loan, Bond, CreditFacility, VendorFinancing) carry it; this link is Equity\n{dir}/csv/maxltv-on-equity/links.csv:2: link #0 (a -> b): 'maxLtv': a maximum loan-to-value needs a collateral")]
    [DataRow("graphml/maxltv-on-equity.graphml", "{dir}/graphml/maxltv-on-equity.graphml:13: link #0 (a -> b): 'maxLtv': only debt links (Loan, Bond, CreditFacility, VendorFinancing) carry it; this link is Equity\n{dir}/graphml/maxltv-on-equity.graphml:13: link #0 (a -> b): 'maxLtv': a maximum loan-to-value needs a collateral")]
    [DataRow("json/maxltv-without-collateral.json", "{dir}/json/maxltv-without-collateral.json $.links[0]: link #0 (a -> b): 'maxLtv': a maximum loan-to-value needs a collateral")]
    [DataRow("csv/maxltv-without-collateral", "{dir}/csv/maxltv-without-collateral/links.csv:2: link #0 (a -> b): 'maxLtv': a maximum loan-to-value needs a collateral")]
    [DataRow("graphml/maxltv-without-collateral.graphml", "{dir}/graphml/maxltv-without-collateral.graphml:13: link #0 (a -> b): 'maxLtv': a maximum loan-to-value needs a collateral")]
    [DataRow("json/negative-low.json", "{dir}/json/negative-low.json $.links[0]: link #0 (a -> b): 'low': must not be negative; got -1")]
    [DataRow("csv/negative-low", "{dir}/csv/negative-low/links.csv:2: link #0 (a -> b): 'low': must not be negative; got -1")]
    [DataRow("graphml/negative-low.graphml", "{dir}/graphml/negative-low.graphml:14: link #0 (a -> b): 'low': must not be negative; got -1")]
    [DataRow("json/rate-on-commercial.json", "{dir}/json/rate-on-commercial.json $.links[0]: link #0 (a -> b): 'rate': only debt links (Loan, Bond, CreditFacility, VendorFinancing) carry it; this link is ComputeContract")]
    [DataRow("csv/rate-on-commercial", "{dir}/csv/rate-on-commercial/links.csv:2: link #0 (a -> b): 'rate': only debt links (Loan, Bond, CreditFacility, VendorFinancing) carry it; this link is ComputeContract")]
    [DataRow("graphml/rate-on-commercial.graphml", "{dir}/graphml/rate-on-commercial.graphml:13: link #0 (a -> b): 'rate': only debt links (Loan, Bond, CreditFacility, VendorFinancing) carry it; this link is ComputeContract")]
    [DataRow("json/schedule-empty.json", "{dir}/json/schedule-empty.json $.links[0].schedule: 'schedule': expected at least one payment; leave the field out when there is none\n{dir}/json/schedule-empty.json $.links[1].schedule[0].note: 'note': unknown field; did you mean 'date'? (put extra values in \"attributes\")\n{dir}/json/schedule-empty.json $.links[2].schedule: 'schedule': expected an array of payments such as [{\"date\": \"2026-03\", \"amount\": 5}, ...]; got the string \"2026-03:10\"")]
    [DataRow("csv/schedule-malformed", "{dir}/csv/schedule-malformed/links.csv:2: 'schedule': '2026-03=10' is not month:amount; expected month:amount pairs separated by ';', e.g. 2026-03:5;2026-09:5")]
    [DataRow("graphml/schedule-malformed.graphml", "{dir}/graphml/schedule-malformed.graphml:13: edge (a -> b): 'schedule': payment 2 '2026-09' is not month:amount; expected month:amount pairs separated by ';', e.g. 2026-03:5;2026-09:5")]
    [DataRow("json/schedule-order.json", "{dir}/json/schedule-order.json $.links[0]: link #0 (a -> b): 'schedule': payment months must be strictly increasing; payment 2 (2026-03) follows 2026-09")]
    [DataRow("csv/schedule-order", "{dir}/csv/schedule-order/links.csv:2: link #0 (a -> b): 'schedule': payment months must be strictly increasing; payment 2 (2026-03) follows 2026-09")]
    [DataRow("graphml/schedule-order.graphml", "{dir}/graphml/schedule-order.graphml:13: link #0 (a -> b): 'schedule': payment months must be strictly increasing; payment 2 (2026-03) follows 2026-09")]
    [DataRow("json/schedule-sum.json", "{dir}/json/schedule-sum.json $.links[0]: link #0 (a -> b): 'schedule': the payments sum to 9, the link's amount is 10; they must agree (within 1e-9 relative)")]
    [DataRow("csv/schedule-sum", "{dir}/csv/schedule-sum/links.csv:2: link #0 (a -> b): 'schedule': the payments sum to 9, the link's amount is 10; they must agree (within 1e-9 relative)")]
    [DataRow("graphml/schedule-sum.graphml", "{dir}/graphml/schedule-sum.graphml:13: link #0 (a -> b): 'schedule': the payments sum to 9, the link's amount is 10; they must agree (within 1e-9 relative)")]
    [DataRow("json/schedule-with-term.json", "{dir}/json/schedule-with-term.json $.links[0]: link #0 (a -> b): 'schedule': give either a schedule or termYears, not both")]
    [DataRow("csv/schedule-with-term", "{dir}/csv/schedule-with-term/links.csv:2: link #0 (a -> b): 'schedule': give either a schedule or termYears, not both")]
    [DataRow("graphml/schedule-with-term.graphml", "{dir}/graphml/schedule-with-term.graphml:14: link #0 (a -> b): 'schedule': give either a schedule or termYears, not both")]
    [DataRow("json/seniority-on-equity.json", "{dir}/json/seniority-on-equity.json $.links[0]: link #0 (a -> b): 'seniority': only debt links (Loan, Bond, CreditFacility, VendorFinancing) carry it; this link is Equity")]
    [DataRow("csv/seniority-on-equity", "{dir}/csv/seniority-on-equity/links.csv:2: link #0 (a -> b): 'seniority': only debt links (Loan, Bond, CreditFacility, VendorFinancing) carry it; this link is Equity")]
    [DataRow("graphml/seniority-on-equity.graphml", "{dir}/graphml/seniority-on-equity.graphml:13: link #0 (a -> b): 'seniority': only debt links (Loan, Bond, CreditFacility, VendorFinancing) carry it; this link is Equity")]
    [DataRow("json/share-above-one.json", "{dir}/json/share-above-one.json $.links[0]: link #0 (a -> b): 'share': must be in (0, 1] (the fraction of the recipient's equity held); got 1.5")]
    [DataRow("csv/share-above-one", "{dir}/csv/share-above-one/links.csv:2: link #0 (a -> b): 'share': must be in (0, 1] (the fraction of the recipient's equity held); got 1.5")]
    [DataRow("graphml/share-above-one.graphml", "{dir}/graphml/share-above-one.graphml:13: link #0 (a -> b): 'share': must be in (0, 1] (the fraction of the recipient's equity held); got 1.5")]
    [DataRow("json/share-on-loan.json", "{dir}/json/share-on-loan.json $.links[0]: link #0 (a -> b): 'share': only Equity links carry a share; this link is Loan")]
    [DataRow("csv/share-on-loan", "{dir}/csv/share-on-loan/links.csv:2: link #0 (a -> b): 'share': only Equity links carry a share; this link is Loan")]
    [DataRow("graphml/share-on-loan.graphml", "{dir}/graphml/share-on-loan.graphml:13: link #0 (a -> b): 'share': only Equity links carry a share; this link is Loan")]
    [DataRow("json/shares-over-one.json", "{dir}/json/shares-over-one.json $.links[1]: link #1 (c -> b): 'share': the shares of 'b' held through links #0, #1 sum to 1.1 (0.6 + 0.5); at most 1 (all of its equity)")]
    [DataRow("csv/shares-over-one", "{dir}/csv/shares-over-one/links.csv:3: link #1 (c -> b): 'share': the shares of 'b' held through links #0, #1 sum to 1.1 (0.6 + 0.5); at most 1 (all of its equity)")]
    [DataRow("graphml/shares-over-one.graphml", "{dir}/graphml/shares-over-one.graphml:14: link #1 (c -> b): 'share': the shares of 'b' held through links #0, #1 sum to 1.1 (0.6 + 0.5); at most 1 (all of its equity)")]
    [DataRow("json/closed-ownership-group.json", "{dir}/json/closed-ownership-group.json $.links[2]: link #2 (b -> a): 'share': 'a' and 'b' are owned 100 % within their group (links #0, #2): a closed ownership group, held by no one outside it, whose equity values are undefined; at least one of them must be held partly from outside")]
    [DataRow("csv/closed-ownership-group", "{dir}/csv/closed-ownership-group/links.csv:4: link #2 (b -> a): 'share': 'a' and 'b' are owned 100 % within their group (links #0, #2): a closed ownership group, held by no one outside it, whose equity values are undefined; at least one of them must be held partly from outside")]
    [DataRow("graphml/closed-ownership-group.graphml", "{dir}/graphml/closed-ownership-group.graphml:15: link #2 (b -> a): 'share': 'a' and 'b' are owned 100 % within their group (links #0, #2): a closed ownership group, held by no one outside it, whose equity values are undefined; at least one of them must be held partly from outside")]
    public void NewFields_EachFile_ExactlyTheseLocatedProblems(string file, string expected)
    {
        var root = Repo.TestData("BadInput");
        var path = Path.Combine(root, file);
        var lines = expected.Replace("{dir}", root, StringComparison.Ordinal).Split('\n');

        var error = Assert.ThrowsExactly<NetworkFormatException>(() => FinancingNetworkFile.Load(path));
        CollectionAssert.AreEqual(lines, error.Problems.Select(p => p.ToString()).ToArray(), string.Join("\n", error.Problems));

        var run = CliRunner.Run("validate", path);
        Assert.AreEqual(2, run.ExitCode, run.ToString());
        foreach (var line in lines)
        {
            StringAssert.Contains(run.Error, line);
        }

        Assert.AreEqual(string.Empty, run.Output);
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
