using System.CommandLine;

namespace AiContagion.Cli.Infrastructure;

/// <summary><c>--json</c>: machine-readable JSON on standard output instead of a table.</summary>
internal sealed class JsonOption : Option<bool>
{
    public JsonOption()
        : base("--json")
    {
        Description = "Write machine-readable JSON to standard output instead of a table.";
    }
}
