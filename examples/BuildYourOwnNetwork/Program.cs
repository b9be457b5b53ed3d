// Build your own network: describe a financing chain in code, get the analyzer from a DI container, run a
// cascade, rank the funding sources and save the network as JSON.
//
//   dotnet run --project examples/BuildYourOwnNetwork [output-folder]      (default: out/)
//
// Links point the way money moves: funder -> recipient, lender -> borrower, customer -> supplier.
using System.Globalization;
using AiContagion;
using AiContagion.Cascades;
using AiContagion.DependencyInjection;
using AiContagion.Io;
using AiContagion.Model;
using Microsoft.Extensions.DependencyInjection;

namespace AiContagion.Examples.BuildYourOwnNetwork;

public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out);

    /// <summary>The whole example; tests call it with a string writer and a temporary folder.</summary>
    public static int Run(string[] args, TextWriter output)
    {
        var folder = args.Length > 0 ? args[0] : "out";

        // 1. The network. The builder checks everything at Build() and reports every problem at once
        //    (unknown ids, negative amounts, self-links, ...) in a NetworkValidationException.
        var network = FinancingNetwork.CreateBuilder()
            .WithMetadata(new NetworkMetadata { Title = "A robotics chain", Unit = "USD bn", AsOf = "2026-01-01", Sources = ["illustrative figures"] })
            .AddEntity("seed-fund", Sector.VentureCapital, "Seed Fund")
            .AddEntity("regional-bank", Sector.Bank, "Regional Bank")
            .AddEntity(new Entity("chip-co", Sector.ChipMaker, "ChipCo") { Revenue = 50, Cash = 10, Capital = 0.5 })
            .AddEntity(new Entity("gpu-cloud", Sector.Neocloud, "GPU Cloud") { Cash = 1 })
            .AddEntity(new Entity("robot-lab", Sector.ModelLab, "Robot Lab") { Revenue = 1, Cash = 2 })
            .AddEntity("warehouse-app", Sector.AppStartup, "Warehouse App") // no cash figure: the default tolerance applies
            .AddLink("seed-fund", "robot-lab", LinkKind.Equity, 6)
            .AddLink("seed-fund", "warehouse-app", LinkKind.Equity, 2)
            .AddLink("regional-bank", "gpu-cloud", LinkKind.Loan, 5)
            .AddLink("warehouse-app", "robot-lab", LinkKind.ApiSpend, 1.5)
            .AddLink("robot-lab", "gpu-cloud", LinkKind.ComputeContract, 4)
            .AddLink("gpu-cloud", "chip-co", LinkKind.GpuPurchase, 7)
            .AddLink(new Link("chip-co", "gpu-cloud", LinkKind.VendorFinancing, 1) { Note = "ChipCo lends its customer part of the price" })
            .Build();
        output.WriteLine(network);

        // 2. The services. AddAiContagion validates the options now (a bad value fails at start-up, not at first use);
        //    the same ContagionAnalyzer can be made without a container: new ContagionAnalyzer(options).
        var services = new ServiceCollection()
            .AddAiContagion(options =>
            {
                options.DefaultModel = CascadeModelKind.Chain; // liquidity and credit losses together
                options.ModelSettings = new CascadeModelSettings { Liquidity = new LiquidityOptions { DefaultTolerance = 0.2 } };
            })
            .BuildServiceProvider();
        var analyzer = services.GetRequiredService<ContagionAnalyzer>();

        // 3. One cascade: the seed fund stops funding.
        var cascade = analyzer.Cascade(network, CascadeShock.Withdraw("seed-fund"));
        output.WriteLine();
        output.WriteLine(cascade);
        foreach (var round in cascade.History)
        {
            output.WriteLine(Text($"  round {round.Round}: {(round.Failed.IsEmpty ? "no failure" : "failed " + string.Join(", ", round.Failed))}; {round.LinksDown} links down ({round.AmountDown:0.##} {network.Unit})"));
        }

        output.WriteLine("  links down:");
        foreach (var link in cascade.DownLinks)
        {
            var l = network.Links[link.Index];
            output.WriteLine(Text($"    round {link.Round}  {l.From} -> {l.To}  {l.Kind} {l.Amount:0.##}  ({link.Cause})"));
        }

        // 4. Which funding source hurts most when it withdraws?
        var ranking = analyzer.Rank(network);
        output.WriteLine();
        output.WriteLine("Withdrawal ranking (chain model):");
        foreach (var entry in ranking.Entries)
        {
            output.WriteLine("  " + entry);
        }

        // 5. Save the network (JSON; .graphml or a folder for CSV work the same way) and read it back.
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "robotics-chain.json");
        FinancingNetworkFile.Save(network, path);
        var back = analyzer.Load(path);
        output.WriteLine();
        output.WriteLine(Text($"Saved {path}: read back {back.EntityCount} entities, {back.LinkCount} links, total {back.TotalAmount:0.##} {back.Unit}."));
        return 0;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
