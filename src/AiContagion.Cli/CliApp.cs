using System.CommandLine;
using AiContagion.Cli.Commands;
using AiContagion.Cli.Infrastructure;
using AiContagion.Io;
using AiContagion.Model;

namespace AiContagion.Cli;

/// <summary>
/// The <c>aicontagion</c> command-line tool, callable in-process (tests do). Exit codes: 0 ok, 2 bad input
/// (message on standard error, never a stack trace), 1 anything else, 130 cancelled.
/// </summary>
public static class CliApp
{
    /// <summary>Runs the tool.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Standard output (results).</param>
    /// <param name="error">Standard error (messages).</param>
    /// <param name="isTerminal">Whether <paramref name="output"/> is an interactive terminal.</param>
    /// <param name="cancellationToken">Cancels long runs.</param>
    /// <returns>The exit code.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, bool isTerminal = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var context = new CliContext(output, error, isTerminal, cancellationToken);
        var root = new RootCommand(
            "aicontagion: financial contagion on directed weighted financing networks. "
            + "Links point the way money moves (funder to recipient, customer to supplier).");
        foreach (var command in Commands(context))
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                error.WriteLine("error: " + problem.Message);
            }

            error.WriteLine("Run 'aicontagion --help' (or 'aicontagion <command> --help') for usage.");
            return ExitCodes.BadInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (Describe(e) is { } failure)
        {
            error.WriteLine(failure.Message);
            if (failure.Code == ExitCodes.Failure && Environment.GetEnvironmentVariable("AICONTAGION_DEBUG") == "1")
            {
                error.WriteLine(e.ToString());
            }

            return failure.Code;
        }
    }

    private static IEnumerable<Command> Commands(CliContext context) =>
    [
        ValidateCommand.Create(context),
        InfoCommand.Create(context),
        ConvertCommand.Create(context),
        CascadeCommand.Create(context),
        RankCommand.Create(context),
        ExportCommand.Create(context),
        StressCommand.Create(context),
        RunwayCommand.Create(context),
        ExperimentCommand.Create(context),
        CentralityCommand.Create(context),
        FlowCommand.Create(context),
        DominatorsCommand.Create(context),
        TraceCommand.Create(context),
    ];

    private static (int Code, string Message)? Describe(Exception e) => e switch
    {
        NetworkFormatException format => (ExitCodes.BadInput, "error: " + format.Message),
        NetworkValidationException validation => (ExitCodes.BadInput, "error: " + validation.Message),
        CliUsageException usage => (ExitCodes.BadInput, "error: " + usage.Message),
        FileNotFoundException or DirectoryNotFoundException => (ExitCodes.BadInput, "error: " + e.Message),
        KeyNotFoundException => (ExitCodes.BadInput, "error: " + e.Message),
        ArgumentException argument => (ExitCodes.BadInput, "error: " + argument.Message),
        OperationCanceledException => (ExitCodes.Cancelled, "cancelled"),
        AiContagion.Provenance.ProvenanceSolveException or AiContagion.Cascades.CascadeConvergenceException
            or AiContagion.Centrality.CentralityConvergenceException => (ExitCodes.Failure, "error: " + e.Message),
        OutOfMemoryException => (ExitCodes.Failure, "error: out of memory: the input is too large for the memory available to this process."),
        UnauthorizedAccessException or IOException => (ExitCodes.Failure, "error: " + e.Message),
        _ => (ExitCodes.Failure, $"error: unexpected {e.GetType().Name}: {e.Message} (set AICONTAGION_DEBUG=1 for details)"),
    };
}
