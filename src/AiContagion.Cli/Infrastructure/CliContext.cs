using Spectre.Console;

namespace AiContagion.Cli.Infrastructure;

/// <summary>What every command runs with: where to write, whether those are terminals, and the cancellation token.</summary>
internal sealed class CliContext
{
    private IAnsiConsole? _console;

    /// <param name="output">Standard output: results only.</param>
    /// <param name="error">Standard error: messages, warnings, progress.</param>
    /// <param name="isTerminal">Whether standard output is an interactive terminal (colours).</param>
    /// <param name="cancellationToken">Cancelled on Ctrl+C.</param>
    /// <param name="errorIsTerminal">Whether standard error is an interactive terminal (progress bars).</param>
    public CliContext(TextWriter output, TextWriter error, bool isTerminal, CancellationToken cancellationToken, bool errorIsTerminal = false)
    {
        Output = output;
        Error = error;
        CancellationToken = cancellationToken;
        IsTerminal = isTerminal;
        ErrorIsTerminal = errorIsTerminal;
    }

    /// <summary>Standard output: results only (tables or JSON).</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error: messages, warnings, progress.</summary>
    public TextWriter Error { get; }

    /// <summary>Cancelled on Ctrl+C.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Whether standard output is an interactive terminal (colours).</summary>
    public bool IsTerminal { get; }

    /// <summary>Whether standard error is an interactive terminal: progress is shown there only then.</summary>
    public bool ErrorIsTerminal { get; }

    /// <summary>How long a step runs before its progress bar appears (default 0.3 s: a quick step shows none).</summary>
    public TimeSpan ProgressDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>A Spectre console over <see cref="Output"/>: colours on a terminal, plain and 200 columns wide otherwise.</summary>
    public IAnsiConsole Console => _console ??= CreateConsole();

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
