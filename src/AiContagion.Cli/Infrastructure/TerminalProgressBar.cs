using Spectre.Console;

namespace AiContagion.Cli.Infrastructure;

/// <summary>
/// Progress of a long step (reading a graph, ranking, stress trials) as a Spectre.Console bar on standard error —
/// only when standard error is a terminal (<see cref="CliContext.ErrorIsTerminal"/>); otherwise (piped, redirected,
/// tests) the step runs silently and costs nothing extra. The bar is cleared when the step ends, so standard output
/// (tables or JSON) is never mixed with it.
/// </summary>
internal static class TerminalProgressBar
{
    /// <summary>Runs a step whose size is unknown (e.g. reading a graph) under an indeterminate bar.</summary>
    public static T Run<T>(CliContext context, string description, Func<T> work)
    {
        if (!context.ErrorIsTerminal)
        {
            return work();
        }

        return Progress(context).Start(progress =>
        {
            var task = progress.AddTask(description, autoStart: true, maxValue: 1);
            task.IsIndeterminate = true;
            return work();
        });
    }

    /// <summary>Runs a step that reports (completed, total) through <typeparamref name="TProgress"/>; the sink is null when no bar is shown.</summary>
    public static T Run<TProgress, T>(CliContext context, string description, Func<TProgress, (int Completed, int Total)> read, Func<IProgress<TProgress>?, T> work)
    {
        if (!context.ErrorIsTerminal)
        {
            return work(null);
        }

        return Progress(context).Start(progress =>
        {
            var task = progress.AddTask(description, autoStart: true, maxValue: 1);
            return work(new Sink<TProgress>(task, read));
        });
    }

    private static Progress Progress(CliContext context)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(context.Error),
        });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn());
    }

    private sealed class Sink<TProgress>(ProgressTask task, Func<TProgress, (int Completed, int Total)> read) : IProgress<TProgress>
    {
        private readonly Lock _gate = new();

        public void Report(TProgress value)
        {
            var (completed, total) = read(value);
            lock (_gate)
            {
                task.MaxValue = Math.Max(1, total);
                task.Value = Math.Max(task.Value, completed);
            }
        }
    }
}
