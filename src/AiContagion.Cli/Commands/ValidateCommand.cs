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
            try
            {
                var (entities, links) = graph.Check(parse, context);
                WriteValid(context, parse.GetValue(json), entities, links);
                return ExitCodes.Ok;
            }
            catch (NetworkFormatException error) when (parse.GetValue(json))
            {
                WriteProblems(context, error);
                context.Error.WriteLine("error: " + error.Message);
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    private static void WriteValid(CliContext context, bool json, int entities, int links)
    {
        if (!json)
        {
            context.Output.WriteLine($"valid: {entities} entities, {links} links");
            return;
        }

        JsonOutput.Write(context.Output, w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("valid", true);
            w.WriteNumber("entities", entities);
            w.WriteNumber("links", links);
            w.WriteStartArray("problems");
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void WriteProblems(CliContext context, NetworkFormatException error) =>
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
}
