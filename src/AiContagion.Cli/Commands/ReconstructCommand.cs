using System.CommandLine;
using AiContagion.Cli.Commands.Reconstruct;
using AiContagion.Cli.Infrastructure;
using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Reconstruction;

namespace AiContagion.Cli.Commands;

/// <summary>
/// <c>aicontagion reconstruct &lt;totals.csv&gt; -o &lt;graph.json&gt; [--method max-entropy|min-density|ensemble]
/// [--kind KIND] [--seed S] [--samples N] [--json]</c>: estimate the links of a network from each entity's totals
/// out and in; the links carry confidence 'derived'.
/// </summary>
internal static class ReconstructCommand
{
    public static Command Create(CliContext context)
    {
        var totals = new Argument<string>("totals")
        {
            Description = "A CSV file with the columns id,out,in (each entity's total on the links leaving it and entering it) and optionally sector (default Other).",
        };
        var output = new OutputFileOption("Where to write the network: FILE.json or FILE.graphml (written whole or not at all).", [".json", ".graphml"], name: "--output", aliases: "-o") { Required = true };
        var method = new ReconstructionMethodOption();
        var kind = new LinkKindOption("The kind of every link (default Loan: out is lending, in is borrowing). Links point the way money moves.");
        var seed = new SeedOption("1; min-density and ensemble only");
        var samples = new CountOption("--samples", "Networks the ensemble draws (default 1000; --method ensemble only).", 1_000_000);
        var json = new JsonOption();
        var command = new Command(
            "reconstruct",
            "Estimate the links of a network from each entity's totals out and in: maximum entropy (RAS), minimum density (Anand, Craig & von Peter 2015) or a Bayesian ensemble (Gandy & Veraart 2017).")
        {
            totals, output, method, kind, seed, samples, json,
        };
        command.SetAction(parse =>
        {
            var chosen = parse.GetValue(method) ?? ReconstructionMethod.MaximumEntropy;
            if (OptionParsing.Given(parse, samples) && chosen != ReconstructionMethod.Ensemble)
            {
                throw new CliUsageException("--samples: applies to --method ensemble only.");
            }

            var seeded = chosen != ReconstructionMethod.MaximumEntropy;
            var seedValue = seed.Seed(parse, 1);
            INetworkReconstruction reconstruction = chosen switch
            {
                ReconstructionMethod.MinimumDensity => new MinimumDensityReconstruction(new MinimumDensityOptions { Seed = seedValue }),
                ReconstructionMethod.Ensemble => new EnsembleReconstruction(new EnsembleOptions { Seed = seedValue, Samples = parse.GetValue(samples) ?? 1000 }),
                _ => new MaximumEntropyReconstruction(),
            };
            var linkKind = parse.GetValue(kind) ?? LinkKind.Loan;
            var target = parse.GetValue(output)!;
            var file = TotalsFile.Read(parse.GetValue(totals)!);
            ReconstructionResult result;
            try
            {
                result = reconstruction.Estimate(ReconstructionProblem.FromTotals(file.Totals), context.CancellationToken);
            }
            catch (ReconstructionInputException refusal)
            {
                throw file.Locate(refusal);
            }

            var network = result.ToNetwork(linkKind, file.SectorOf, new NetworkMetadata
            {
                Title = $"Reconstructed from {Path.GetFileName(file.Path)} by {reconstruction.Name}",
                Description = $"{result.EstimatedLinkCount} {linkKind} links estimated by {reconstruction.Name}{(seeded ? $" (seed {seedValue})" : string.Empty)} from each entity's totals out and in; every link carries confidence 'derived'.",
            });
            FinancingNetworkFile.Save(network, target);
            ReconstructReport.Write(context, parse.GetValue(json), result, reconstruction, linkKind, seeded ? seedValue : null, target, network);
            return ExitCodes.Ok;
        });
        return command;
    }
}
