using System.Text.Json;
using AiContagion.Tests.Cascades;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cli;

[TestClass]
public sealed class CascadeCommandTests
{
    private static string Textbook(string name) => Repo.Graph(Path.Combine("textbook", name));

    // The toy chain without its venture fund: see FundingWithdrawalCascadeTests.Run_ToyChainWithoutVentureFund_EveryLinkDown.
    [TestMethod]
    public void Cascade_FundingJson_RequiredFields()
    {
        var run = CliRunner.Run("cascade", Repo.Graph("toy-chain.json"), "--model", "funding", "--withdraw", "vc-fund", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.IsTrue(root.GetProperty("converged").GetBoolean());
        Assert.AreEqual(2, root.GetProperty("rounds").GetInt32());
        Assert.AreEqual(8, root.GetProperty("linksDown").GetInt32());
        Assert.AreEqual(47.5, root.GetProperty("amountDown").GetDouble(), 1e-12);
        Assert.AreEqual(3, root.GetProperty("entitiesFailed").GetInt32());
        var lab = root.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "model-lab");
        Assert.IsTrue(lab.GetProperty("failed").GetBoolean());
        Assert.AreEqual(1, lab.GetProperty("round").GetInt32());
        Assert.AreEqual(11.5, lab.GetProperty("lostInflow").GetDouble(), 1e-12);
        var first = root.GetProperty("links")[0];
        Assert.AreEqual("vc-fund", first.GetProperty("from").GetString());
        Assert.AreEqual("model-lab", first.GetProperty("to").GetString());
        Assert.AreEqual("Equity", first.GetProperty("kind").GetString());
        Assert.AreEqual(10, first.GetProperty("amount").GetDouble());
        Assert.IsTrue(first.GetProperty("down").GetBoolean());
        Assert.AreEqual("Withdrawn", first.GetProperty("cause").GetString());
        Assert.IsFalse(root.TryGetProperty("debtRank", out _));
    }

    // Published case C1 through the command line: p* = [270/11, 290/11, 10].
    [TestMethod]
    public void Cascade_EisenbergNoeC1_PaymentsAndSeniorityEcho()
    {
        var run = CliRunner.Run("cascade", Textbook("c1-eisenberg-noe.json"), "--model", "eisenberg-noe", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var payments = json.RootElement.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("payment").GetDouble()).ToArray();
        EisenbergNoeClearingTests.AssertVector([270.0 / 11, 290.0 / 11, 10], payments, "C1");
        Assert.AreEqual("PariPassu", json.RootElement.GetProperty("settings").GetProperty("seniority").GetString());
    }

    // Published case C3 senior: final equity [−1, 0, 2].
    [TestMethod]
    public void Cascade_SeniorC3_Equity()
    {
        var run = CliRunner.Run("cascade", Textbook("c3-seniority.json"), "--model", "eisenberg-noe", "--seniority", "senior", "--external-shock-all", "0.1", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var equity = json.RootElement.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("equity").GetDouble()).ToArray();
        EisenbergNoeClearingTests.AssertVector([-1, 0, 2], equity, "C3 senior");
        Assert.AreEqual("Senior", json.RootElement.GetProperty("settings").GetProperty("seniority").GetString());
    }

    // Published case C2 with e = [0, 0, 0.1] through per-entity external shocks: result [0.8, 5.625, 5.525].
    [TestMethod]
    public void Cascade_RogersVeraartC2_ExternalShockPerEntity()
    {
        var run = CliRunner.Run("cascade", Textbook("c2-rogers-veraart.json"), "--model", "rogers-veraart", "--alpha", "1", "--beta", "1", "--external-shock", "b1=1,b2=1", "--external-shock", "b3=0.9", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var payments = json.RootElement.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("payment").GetDouble()).ToArray();
        EisenbergNoeClearingTests.AssertVector([0.8, 5.625, 5.525], payments, "C2");
    }

    // Published case C5: 10 % on every entity gives DebtRank 0.1607143.
    [TestMethod]
    public void Cascade_DebtRankC5_ReportsDebtRank()
    {
        var run = CliRunner.Run("cascade", Textbook("c5-debtrank.json"), "--model", "debtrank", "--distress-all", "0.1", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.AreEqual(0.1607143, json.RootElement.GetProperty("debtRank").GetDouble(), 1e-6);
        Assert.AreEqual(0.26, json.RootElement.GetProperty("entities")[1].GetProperty("distress").GetDouble(), 1e-9);
    }

    // Published case C8 (j = 5): survives under the strict rule, fails under the non-strict one.
    [TestMethod]
    [DataRow("strict", false)]
    [DataRow("non-strict", true)]
    public void Cascade_GaiKapadiaC8_FailureRule(string rule, bool fails)
    {
        var run = CliRunner.Run("cascade", Textbook("c8-gai-kapadia-j5.json"), "--model", "gai-kapadia", "--fail", "d1", "--failure-rule", rule, "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.AreEqual(fails, json.RootElement.GetProperty("entities")[0].GetProperty("failed").GetBoolean());
    }

    [TestMethod]
    public void Cascade_Table_NamesFailuresAndCauses()
    {
        var run = CliRunner.Run("cascade", Repo.Graph("toy-chain.json"), "--withdraw", "vc-fund");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "3 entities failed");
        StringAssert.Contains(run.Output, "neocloud");
        StringAssert.Contains(run.Output, "RecipientFailed");
    }

    [TestMethod]
    [DataRow("--withdraw", "nobody", "--withdraw: the graph has no entity 'nobody'")]
    [DataRow("--withdraw", "bank=1.5", "--withdraw: '1.5' must lie in (0, 1]")]
    [DataRow("--fail", "nobody", "--fail: the graph has no entity 'nobody'")]
    [DataRow("--model", "magic", "--model: unknown model 'magic'")]
    [DataRow("--alpha", "0.5", "--alpha does not apply to the funding model")]
    [DataRow("--distress", "bank=0.5", "does not accept a distress shock")]
    [DataRow("--external-shock-all", "0.5", "does not accept a external-asset shock")]
    [DataRow("--recovery", "Loan=0.4", "--recovery does not apply to the funding model")]
    public void Cascade_BadInput_ExitCode2NamingTheOption(string option, string value, string message)
    {
        var run = CliRunner.Run("cascade", Repo.Graph("toy-chain.json"), option, value);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, message);
        Assert.IsFalse(run.Error.Contains("   at ", StringComparison.Ordinal), "no stack trace");
    }

    [TestMethod]
    [DataRow("--recovery", "ApiSpend=0.5", "commercial kind")]
    [DataRow("--recovery", "Nothing=0.5", "unknown link kind 'Nothing'")]
    [DataRow("--failure-rule", "maybe", "--failure-rule: 'maybe'")]
    public void Cascade_BadCreditOption_ExitCode2(string option, string value, string message)
    {
        var run = CliRunner.Run("cascade", Repo.Graph("toy-chain.json"), "--model", "credit", "--fail", "bank", option, value);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, message);
    }

    // Recovery through the command line: the toy chain's neocloud failing costs bank 8 · (1 − 0.5) = 4 on its loan.
    [TestMethod]
    public void Cascade_CreditRecovery_Applies()
    {
        var run = CliRunner.Run("cascade", Repo.Graph("toy-chain.json"), "--model", "credit", "--fail", "neocloud", "--recovery", "Loan=0.5", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var bank = json.RootElement.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "bank");
        Assert.AreEqual(4.0, bank.GetProperty("creditLoss").GetDouble(), 1e-12);
    }
}
