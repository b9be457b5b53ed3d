using System.CommandLine;
using AiContagion.Cli.Infrastructure;
using AiContagion.Io;

namespace AiContagion.Cli.Commands;

/// <summary><c>aicontagion validate &lt;graph&gt;</c>: reads a graph and reports every problem with its place.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var graph = new GraphArgument();
        var json = new JsonOption();
        var command = new Command("validate", "Check a graph file and list every problem with its file, line or JSON path. Exit code 2 when invalid.")
        {
            graph,
            json,
        };
        command.SetAction(parse =>
        {
            var asJson = parse.GetValue(json);
            try
            {
                var network = graph.Load(parse, context);
                if (asJson)
                {
                    JsonOutput.Write(context.Output, w =>
                    {
                        w.WriteStartObject();
                        w.WriteBoolean("valid", true);
                        w.WriteNumber("entities", network.EntityCount);
                        w.WriteNumber("links", network.LinkCount);
                        w.WriteStartArray("problems");
                        w.WriteEndArray();
                        w.WriteEndObject();
                    });
                }
                else
                {
                    context.Output.WriteLine($"valid: {network.EntityCount} entities, {network.LinkCount} links");
                }

                return ExitCodes.Ok;
            }
            catch (NetworkFormatException error) when (asJson)
            {
                JsonOutput.Write(context.Output, w =>
                {
                    w.WriteStartObject();
                    w.WriteBoolean("valid", false);
                    w.WriteStartArray("problems");
                    foreach (var problem in error.Problems)
                    {
                        w.WriteStartObject();
                        w.WriteString("file", problem.Location?.File);
                        if (problem.Location?.Line is { } line)
                        {
                            w.WriteNumber("line", line);
                        }
                        else
                        {
                            w.WriteNull("line");
                        }

                        w.WriteString("path", problem.Location?.Path);
                        w.WriteString("subject", problem.Subject);
                        w.WriteString("field", problem.Field);
                        w.WriteString("message", problem.Message);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                context.Error.WriteLine("error: " + error.Message);
                return ExitCodes.BadInput;
            }
        });
        return command;
    }
}
