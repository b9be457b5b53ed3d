using System.CommandLine;
using AiContagion.Io;
using AiContagion.Model;

namespace AiContagion.Cli.Infrastructure;

/// <summary>The <c>&lt;graph&gt;</c> argument: a .json or .graphml file, or a folder holding entities.csv and links.csv.</summary>
internal sealed class GraphArgument : Argument<string>
{
    public GraphArgument(string name = "graph")
        : base(name)
    {
        Description = "The financing network: a .json or .graphml file, or a folder holding entities.csv and links.csv.";
    }

    /// <summary>
    /// Checks the network as <see cref="Load"/> reads it (the same problems) and counts its entities and links, without
    /// building it where the format allows (a CSV folder): <c>validate</c>.
    /// </summary>
    public (int Entities, int Links) Check(ParseResult parse, CliContext context)
    {
        var path = parse.GetValue(this)!;
        return TerminalProgressBar.Run(context, "reading " + Path.GetFileName(Path.TrimEndingDirectorySeparator(path)), () => FinancingNetworkFile.Check(path));
    }

    /// <summary>Reads the network (a progress indicator on standard error when that is a terminal).</summary>
    public FinancingNetwork Load(ParseResult parse, CliContext context)
    {
        var path = parse.GetValue(this)!;
        return TerminalProgressBar.Run(context, "reading " + Path.GetFileName(Path.TrimEndingDirectorySeparator(path)), () => FinancingNetworkFile.Load(path));
    }
}
