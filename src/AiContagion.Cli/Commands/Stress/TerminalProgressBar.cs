using AiContagion.Cli.Infrastructure;
using AiContagion.Stress;
using Spectre.Console;

namespace AiContagion.Cli.Commands.Stress;

/// <summary>
/// A Spectre.Console progress bar on standard error while a long run works, shown only when both standard output and
/// standard error are terminals; otherwise (piped, redirected, tests) the run is silent.
/// </summary>
internal static class TerminalProgressBar
{
    /// <summary>Runs <paramref name="work"/>, giving it a progress sink when a bar is shown, else <see langword="null"/>.</summary>
    public static T Run<T>(CliContext context, string description, Func<IProgress<StressProgress>?, T> work)
    {
        if (!context.IsTerminal || Console.IsErrorRedirected)
        {
            return work(null);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Detect,
            Out = new AnsiConsoleOutput(context.Error),
        });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(progress =>
            {
                var task = progress.AddTask(description, autoStart: true, maxValue: 1);
                return work(new Sink(task));
            });
    }

    private sealed class Sink(ProgressTask task) : IProgress<StressProgress>
    {
        private readonly Lock _gate = new();

        public void Report(StressProgress value)
        {
            lock (_gate)
            {
                task.MaxValue = value.Total;
                task.Value = Math.Max(task.Value, value.Completed);
            }
        }
    }
}
