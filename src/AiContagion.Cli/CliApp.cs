using System.CommandLine;
using System.CommandLine.Help;
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
        return Run(args, new CliContext(output, error, isTerminal, cancellationToken));
    }

    /// <summary>Runs the tool in a context (the executable's says whether standard error is a terminal, for progress).</summary>
    internal static int Run(IReadOnlyList<string> args, CliContext context)
    {
        var root = Root(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                context.Error.WriteLine("error: " + problem.Message);
            }

            context.Error.WriteLine("Run 'aicontagion --help' (or 'aicontagion <command> --help') for usage.");
            return ExitCodes.BadInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (Describe(e) is { } failure)
        {
            context.Error.WriteLine(failure.Message);
            if (failure.Code == ExitCodes.Failure && Environment.GetEnvironmentVariable("AICONTAGION_DEBUG") == "1")
            {
                context.Error.WriteLine(e.ToString());
            }

            return failure.Code;
        }
    }

    /// <summary>The root command, named <c>aicontagion</c> whatever the executable's file name (help says <c>Usage: aicontagion</c>).</summary>
    private static Command Root(CliContext context)
    {
        var root = new Command(
            "aicontagion",
            "aicontagion: financial contagion on directed weighted financing networks. "
            + "Links point the way money moves (funder to recipient, customer to supplier).")
        {
            new HelpOption(),
            new VersionOption(),
        };
        foreach (var command in Commands(context))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    private static IEnumerable<Command> Commands(CliContext context) =>
    [
        ValidateCommand.Create(context),
        InfoCommand.Create(context),
        ConvertCommand.Create(context),
        CascadeCommand.Create(context),
        ValueCommand.Create(context),
        RankCommand.Create(context),
        ExportCommand.Create(context),
        ReportCommand.Create(context),
        StressCommand.Create(context),
        RunwayCommand.Create(context),
        ExperimentCommand.Create(context),
        CentralityCommand.Create(context),
        FlowCommand.Create(context),
        DominatorsCommand.Create(context),
        TraceCommand.Create(context),
        ReconstructCommand.Create(context),
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
        AiContagion.Numerics.ConvergenceException => (ExitCodes.Failure, "error: " + e.Message),
        OutOfMemoryException => (ExitCodes.Failure, "error: out of memory: the input is too large for the memory available to this process."),
        UnauthorizedAccessException or IOException => (ExitCodes.Failure, "error: " + e.Message),
        _ => (ExitCodes.Failure, $"error: unexpected {e.GetType().Name}: {e.Message} (set AICONTAGION_DEBUG=1 for details)"),
    };
}
