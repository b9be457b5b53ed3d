using AiContagion.Io;
using AiContagion.Model;
using Spectre.Console;

namespace AiContagion.Cli.Infrastructure;

/// <summary>What every command runs with: where to write, whether that is a terminal, and the cancellation token.</summary>
internal sealed class CliContext
{
    private IAnsiConsole? _console;

    public CliContext(TextWriter output, TextWriter error, bool isTerminal, CancellationToken cancellationToken)
    {
        Output = output;
        Error = error;
        CancellationToken = cancellationToken;
        IsTerminal = isTerminal;
    }

    /// <summary>Standard output: results only (tables or JSON).</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error: messages, warnings, progress.</summary>
    public TextWriter Error { get; }

    /// <summary>Cancelled on Ctrl+C.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Whether standard output is an interactive terminal (colours, progress bars).</summary>
    public bool IsTerminal { get; }

    /// <summary>A Spectre console over <see cref="Output"/>: colours on a terminal, plain and 200 columns wide otherwise.</summary>
    public IAnsiConsole Console => _console ??= CreateConsole();

    /// <summary>Loads a graph: a .json or .graphml file, or a folder holding entities.csv and links.csv.</summary>
    public static FinancingNetwork Load(string path) => FinancingNetworkFile.Load(path);

    private IAnsiConsole CreateConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = IsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(Output),
        });
        if (!IsTerminal)
        {
            console.Profile.Width = 200;
        }

        return console;
    }
}
