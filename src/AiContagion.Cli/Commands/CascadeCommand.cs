using System.CommandLine;
using AiContagion.Cli.Commands.Cascades;
using AiContagion.Cli.Infrastructure;

namespace AiContagion.Cli.Commands;

/// <summary>
/// <c>aicontagion cascade &lt;graph&gt; --model M [shock options] [model options] [--top N] [--json [--detail]]
/// [--output FILE] [--output-links FILE]</c>: run one contagion model with a shock; a summary of who fails in which
/// round and which links go down, every entity and link in files.
/// </summary>
internal static class CascadeCommand
{
    public static Command Create(CliContext context)
    {
        var graph = new GraphArgument();
        var models = new ModelOptions();
        var shocks = new ShockOptions();
        var results = new ResultOptions("Rows of the entity and link tables: failures by round first (default 20).", OutputFileOption.ForRows("one row per entity; columns: " + CascadeReport.EntityRows.Help + "."));
        var links = new OutputFileOption("Write every link to FILE.csv or FILE.json, one row per link; columns: " + CascadeReport.LinkRows.Help + ".", OutputFileOption.RowFormats, name: "--output-links");
        var command = new Command(
            "cascade",
            "Run a contagion model (" + AiContagion.Cascades.CascadeModels.AllNames + ") with a shock: failures by round, links down and why, amounts down.")
        {
            graph,
        };
        models.AddTo(command);
        shocks.AddTo(command);
        results.AddTo(command);
        command.Options.Add(links);
        command.SetAction(parse =>
        {
            var request = results.Read(parse);
            var model = models.Build(parse);
            shocks.Check(parse);
            var network = graph.Load(parse, context);
            var shock = WithAssetShocks(shocks.Build(parse, network), model);
            var result = model.Run(network, shock.Shock, context.CancellationToken);
            var fireSale = (model as AiContagion.Cascades.FireSaleCascade)?.RunFireSale(network, shock.Shock, context.CancellationToken);
            CascadeReport.WriteFiles(result, request.OutputPath, parse.GetValue(links));
            CascadeReport.Write(context, request, result, shock, fireSale);
            return ExitCodes.Ok;
        });
        return command;
    }

    // The fire-sale model's --asset-shock is a shock too: the header names it ("no shock" only when nothing was given).
    private static GivenShock WithAssetShocks(GivenShock shock, AiContagion.Cascades.ICascadeModel model)
    {
        if (model is not AiContagion.Cascades.FireSaleCascade { Options.AssetShocks: { Count: > 0 } assets })
        {
            return shock;
        }

        var prices = "asset prices fall " + string.Join(", ", assets.Select(a => $"{a.Key} {Readable.Percent(a.Value)}"));
        return shock with { Description = shock.Shock.IsEmpty ? prices : shock.Description + "; " + prices };
    }
}
