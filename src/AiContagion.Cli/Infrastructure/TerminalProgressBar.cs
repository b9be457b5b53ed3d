using Spectre.Console;

namespace AiContagion.Cli.Infrastructure;

/// <summary>
/// Progress of a long step (reading a graph, ranking, stress trials) as a Spectre.Console bar on standard error —
/// only when standard error is a terminal (<see cref="CliContext.ErrorIsTerminal"/>), and only once the step has
/// run for <see cref="CliContext.ProgressDelay"/>: a quick step shows nothing and pays nothing for the bar's
/// rendering thread. Otherwise (piped, redirected, tests) the step runs silently on the calling thread. The bar is
/// cleared when the step ends, so standard output (tables or JSON) is never mixed with it.
/// </summary>
internal static class TerminalProgressBar
{
    /// <summary>Runs a step whose size is unknown (e.g. reading a graph) under an indeterminate bar.</summary>
    public static T Run<T>(CliContext context, string description, Func<T> work) =>
        Run<int, T>(context, description, read: null, _ => work());

    /// <summary>Runs a step that reports (completed, total) through <typeparamref name="TProgress"/>; the sink is null when no bar can be shown.</summary>
    public static T Run<TProgress, T>(CliContext context, string description, Func<TProgress, (int Completed, int Total)>? read, Func<IProgress<TProgress>?, T> work)
    {
        if (!context.ErrorIsTerminal)
        {
            return work(null);
        }

        var sink = new Sink<TProgress>(read);
        var step = Task.Run(() => work(read is null ? null : sink), context.CancellationToken);
        if (step.ContinueWith(_ => { }, TaskScheduler.Default).Wait(context.ProgressDelay))
        {
            return step.GetAwaiter().GetResult();
        }

        return Bar(context).Start(progress =>
        {
            var task = progress.AddTask(description, autoStart: true, maxValue: 1);
            task.IsIndeterminate = read is null;
            sink.Attach(task);
            return step.GetAwaiter().GetResult();
        });
    }

    private static Progress Bar(CliContext context)
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

    /// <summary>Keeps the latest (completed, total) until the bar exists, then forwards to it.</summary>
    private sealed class Sink<TProgress>(Func<TProgress, (int Completed, int Total)>? read) : IProgress<TProgress>
    {
        private readonly Lock _gate = new();
        private ProgressTask? _task;
        private (int Completed, int Total) _latest;

        public void Attach(ProgressTask task)
        {
            lock (_gate)
            {
                _task = task;
                Show();
            }
        }

        public void Report(TProgress value)
        {
            var (completed, total) = read!(value);
            lock (_gate)
            {
                _latest = (Math.Max(_latest.Completed, completed), total);
                Show();
            }
        }

        private void Show()
        {
            if (_task is not null && _latest.Total > 0)
            {
                _task.MaxValue = _latest.Total;
                _task.Value = _latest.Completed;
            }
        }
    }
}
