using System.CommandLine;
using AiContagion.Cli.Infrastructure;
using AiContagion.Io;

namespace AiContagion.Cli.Commands;

/// <summary><c>aicontagion convert &lt;in&gt; &lt;out&gt;</c>: between JSON, CSV folder and GraphML, losslessly.</summary>
internal static class ConvertCommand
{
    public static Command Create(CliContext context)
    {
        var input = new GraphArgument();
        var output = new Argument<string>("out")
        {
            Description = "The output: a .json or .graphml file, or a folder for entities.csv + links.csv (written whole or not at all).",
        };
        var format = new Option<NetworkFileFormat?>("--format")
        {
            Description = "Force the output format (json, csv, graphml) instead of choosing it from the output path.",
        };
        var json = new JsonOption();
        var command = new Command("convert", "Convert a graph between JSON, CSV (folder) and GraphML without loss.")
        {
            input,
            output,
            format,
            json,
        };
        command.SetAction(parse =>
        {
            var network = input.Load(parse, context);
            var target = parse.GetValue(output)!;
            var chosen = parse.GetValue(format) ?? FinancingNetworkFile.FormatOf(target);
            FinancingNetworkFile.Save(network, target, chosen);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Output, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("output", target);
                    w.WriteString("format", chosen.ToString());
                    w.WriteNumber("entities", network.EntityCount);
                    w.WriteNumber("links", network.LinkCount);
                    w.WriteEndObject();
                });
            }
            else
            {
                context.Output.WriteLine($"wrote {target} ({chosen}): {network.EntityCount} entities, {network.LinkCount} links");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
