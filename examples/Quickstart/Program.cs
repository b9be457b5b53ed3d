// Quickstart: load a financing network and look at it.
//
//   dotnet run --project examples/Quickstart [graph]
//
// A graph is a .json or .graphml file, or a folder holding entities.csv and links.csv.
// Links point the way money moves: funder -> recipient, customer -> supplier.
using System.Globalization;
using AiContagion.Io;
using AiContagion.Model;

namespace AiContagion.Examples.Quickstart;

public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out);

    /// <summary>The whole example; tests call it with a string writer.</summary>
    public static int Run(string[] args, TextWriter output)
    {
        var path = args.Length > 0 ? args[0] : ExamplePaths.Graph("toy-chain.json");
        var network = FinancingNetworkFile.Load(path);

        output.WriteLine(network); // title, counts and total amount
        output.WriteLine();

        output.WriteLine("Funding sources (money that comes from outside the chain):");
        foreach (var source in network.FundingSources)
        {
            var given = network.LinksFrom(source.Id).Sum(l => l.Amount);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {source.Name,-20} {source.Sector,-15} gives {given,8:0.##} {network.Unit}"));
        }

        output.WriteLine();
        output.WriteLine("Who depends on whom (inflow = links in + outside revenue):");
        foreach (var entity in network.Entities.Where(e => !e.IsFundingSource))
        {
            var inflow = network.Inflow(entity.Id);
            var payers = network.LinksTo(entity.Id).Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.From} ({l.Kind} {l.Amount:0.##})"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {entity.Name,-20} inflow {inflow,7:0.##}  from {string.Join(", ", payers)}"));
        }

        output.WriteLine();
        output.WriteLine("Totals by link kind:");
        foreach (var (kind, amount) in network.TotalsByKind())
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind,-16} {kind.Class(),-10} {amount,8:0.##} {network.Unit}"));
        }

        return 0;
    }
}
