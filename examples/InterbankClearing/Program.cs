// Interbank clearing: two classic contagion models on the published textbook networks, next to the published numbers.
//
//   dotnet run --project examples/InterbankClearing [textbook-folder]
//
// 1. Eisenberg & Noe (2001): who pays how much when banks owe each other more than they can pay (the clearing vector).
// 2. Battiston et al. (2012) DebtRank: how distress at one bank spreads as relative equity losses h.
// The networks are graphs/textbook/c1-eisenberg-noe.json and c5-debtrank.json. An obligation "i owes j" is a Loan
// link j -> i: the lender's money went to the borrower (links point the way money moves).
// Exit code 0 when every number matches the published one (to 1e-6), 1 otherwise.
using System.Globalization;
using AiContagion.Cascades;
using AiContagion.Io;
using AiContagion.Model;

namespace AiContagion.Examples.InterbankClearing;

public static class Program
{
    private const double Tolerance = 1e-6;

    public static int Main(string[] args) => Run(args, Console.Out);

    /// <summary>The whole example; tests call it with a string writer.</summary>
    public static int Run(string[] args, TextWriter output)
    {
        var folder = args.Length > 0 ? args[0] : ExamplePaths.Graph("textbook");
        var allMatch = EisenbergNoe(FinancingNetworkFile.Load(Path.Combine(folder, "c1-eisenberg-noe.json")), output);
        output.WriteLine();
        allMatch &= DebtRank(FinancingNetworkFile.Load(Path.Combine(folder, "c5-debtrank.json")), output);
        output.WriteLine();
        output.WriteLine(allMatch ? "Every number matches the published case." : "SOME NUMBERS DIFFER FROM THE PUBLISHED CASE.");
        return allMatch ? 0 : 1;
    }

    private static bool EisenbergNoe(FinancingNetwork network, TextWriter output)
    {
        // Published case C1 (siebenbrunner/NetworkValuation): p* = [270/11, 290/11, 10]; equity [-5.454545, -2.636364, 30].
        double[] published = [270.0 / 11, 290.0 / 11, 10];
        double[] publishedEquity = [-5.454545, -2.636364, 30];

        output.WriteLine("1. Eisenberg-Noe clearing (Eisenberg & Noe 2001) on " + network.Metadata.Title);
        output.WriteLine("   Obligations: " + string.Join(", ", network.Links.Select(l => Text($"{l.To} owes {l.From} {l.Amount:0.##}"))));
        var result = new EisenbergNoeClearing().Run(network, CascadeShock.None);
        output.WriteLine(Text($"   Clearing converged in {result.Iterations} iterations, {result.Rounds} default rounds (fictitious default algorithm)."));
        output.WriteLine();
        output.WriteLine("   bank  ext. assets  owes p̄   pays p*     published   equity after   published   defaults");
        var match = true;
        for (var i = 0; i < network.EntityCount; i++)
        {
            var entity = network.Entities[i];
            var outcome = result.Entities[i];
            var owes = network.LinksTo(entity.Id).Where(l => l.Kind.IsDebt()).Sum(l => l.Amount);
            var pays = outcome.Payment!.Value;
            var equity = outcome.Equity!.Value;
            match &= Math.Abs(pays - published[i]) <= Tolerance && Math.Abs(equity - publishedEquity[i]) <= Tolerance;
            output.WriteLine(Text(
                $"   {entity.Id,-4}  {entity.ExternalAssets,11:0.##}  {owes,7:0.##}  {pays,10:0.000000}  {published[i],10:0.000000}  {equity,12:0.000000}  {publishedEquity[i],10:0.000000}   {(outcome.Failed ? $"yes (round {outcome.Round})" : "no")}"));
        }

        output.WriteLine();
        output.WriteLine(match
            ? "   The clearing vector is the published [270/11, 290/11, 10]: b1 and b2 cannot pay in full, b3 can."
            : "   The clearing vector DIFFERS from the published [270/11, 290/11, 10].");
        return match;
    }

    private static bool DebtRank(FinancingNetwork network, TextWriter output)
    {
        // Published case C5 (NetworkRiskMeasures README): each bank fully distressed alone -> added weighted stress,
        // additional defaults, final h; 10 % on every bank -> h (0.15, 0.26, 0.30), added stress 0.1607143.
        var cases = new (string Label, CascadeShock Shock, double Stress, int? Defaults, double[] H)[]
        {
            ("a fails", CascadeShock.Fail("a"), 0.9285714, 2, [1, 1, 1]),
            ("b fails", CascadeShock.Fail("b"), 0.25, 1, [0.5, 1, 1]),
            ("c fails", CascadeShock.Fail("c"), 0.6642857, 0, [0.3, 0.9, 1]),
            ("10% on all", CascadeShock.DistressAll(network, 0.1), 0.1607143, null, [0.15, 0.26, 0.30]),
        };

        output.WriteLine("2. DebtRank (Battiston et al. 2012, single-hit) on " + network.Metadata.Title);
        output.WriteLine("   Claims: " + string.Join(", ", network.Links.Select(l => Text($"{l.From} holds {l.Amount:0.##} on {l.To}"))));
        output.WriteLine("   Capital: " + string.Join(", ", network.Entities.Select(e => Text($"{e.Id} {e.Capital:0.##}"))) + "; impact W = min(1, claim / holder's capital).");
        output.WriteLine();
        output.WriteLine("   shock        DebtRank   published   defaults   h = (a, b, c)          published h");
        var model = new SingleHitDebtRank();
        var match = true;
        foreach (var (label, shock, stress, defaults, h) in cases)
        {
            var result = model.Run(network, shock);
            var distress = result.Entities.Select(e => e.Distress!.Value).ToArray();
            match &= Math.Abs(result.DebtRank!.Value - stress) <= Tolerance
                && (defaults is null || defaults == result.CascadeFailures)
                && distress.Zip(h).All(p => Math.Abs(p.First - p.Second) <= Tolerance);
            output.WriteLine(Text(
                $"   {label,-11}  {result.DebtRank.Value,8:0.0000000}  {stress,9:0.0000000}   {result.CascadeFailures,8}   {Vector(distress),-21}  {Vector(h)}"));
        }

        output.WriteLine();
        output.WriteLine(match
            ? "   Every DebtRank, default count and final h matches the published case: a is the most systemic bank."
            : "   SOME DebtRank figures DIFFER from the published case.");
        return match;
    }

    private static string Vector(IEnumerable<double> values) =>
        "(" + string.Join(", ", values.Select(v => v.ToString("0.###", CultureInfo.InvariantCulture))) + ")";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
