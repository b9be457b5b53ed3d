using System.CommandLine;
using System.Globalization;
using AiContagion.Cascades;
using AiContagion.Cli.Commands.Rank;
using AiContagion.Cli.Infrastructure;
using AiContagion.Export;
using AiContagion.Model;

namespace AiContagion.Cli.Commands;

/// <summary>
/// <c>aicontagion report &lt;graph&gt; -o report.html [--model M ...] [--sweep NAME=v1,v2,...] [--baseline] [--to ID]
/// [--top N] [--title T] [--fit a3|a4|none]</c>: one self-contained HTML report (<see cref="ChainReport"/>): the data,
/// the tiered chain, the ranking per model, the worst cascade round by round, the baseline and the sweep when asked
/// for, the cut and the provenance, the core and the money by tier. No network access is needed to open it.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context) => Create(context, renderer: null);

    internal static Command Create(CliContext context, GraphvizRenderer? renderer)
    {
        var graph = new GraphArgument();
        var output = new OutputFileOption("The HTML file to write (one self-contained file).", [".html", ".htm"], name: "--output", aliases: "-o") { Required = true };
        var models = new Option<string[]>("--model", "-m")
        {
            Description = "The models to rank with (repeatable or comma-separated; the first one's worst cascade is replayed): " + CascadeModels.AllNames + ". Default funding.",
            HelpName = "MODEL",
            CustomParser = result => OptionParsing.Parse(result, (option, tokens) =>
            {
                var kinds = new List<string>();
                foreach (var name in OptionValues.Parts(tokens))
                {
                    if (!CascadeModels.TryParse(name, out var kind))
                    {
                        throw new CliUsageException($"{option}: unknown model '{name}'; expected one of {CascadeModels.AllNames}.");
                    }

                    if (!kinds.Contains(CascadeModels.CommandName(kind)))
                    {
                        kinds.Add(CascadeModels.CommandName(kind));
                    }
                }

                return kinds.ToArray();
            }),
        };
        var sweep = new Option<string[]>("--sweep")
        {
            Description = "Add the sweep section: the first model's ranking at every value of an assumption, NAME=v1,v2,... (repeatable: the grid is the cross product), NAME one of " + Ranking.SweepParameter.AllNames + ".",
            HelpName = "NAME=v1,v2,...",
        };
        var baseline = new Option<bool>("--baseline") { Description = "Add the baseline section: the worst withdrawal's runway month by month against no withdrawal." };
        var to = new Option<string?>("--to") { Description = "The firm the cut and the provenance are traced to (default nvidia, else the largest chip maker).", HelpName = "ID" };
        var top = new TopOption("Rows of the ranking tables (default 15).");
        var title = new Option<string?>("--title") { Description = "The report's title (default: the graph's title)." };
        var fit = new Option<string?>("--fit")
        {
            Description = "The readability rule of the pictures: a3 (default) or a4 raise thresholds until text prints at 7 pt or more; none skips the check.",
            HelpName = "a3|a4|none",
            CustomParser = result => OptionParsing.ParseOne(result, (option, text) => text.ToLowerInvariant() is "a3" or "a4" or "none"
                ? text.ToLowerInvariant()
                : throw new CliUsageException($"{option}: '{text}' is not a3, a4 or none.")),
        };
        var command = new Command("report", "Write one self-contained HTML report: the data, the chain, the ranking, the worst cascade round by round, the cut and provenance, the core and the money by tier (and the sweep and baseline when asked).")
        {
            graph, output, models, sweep, baseline, to, top, title, fit,
        };
        command.SetAction(parse =>
        {
            var target = parse.GetValue(output)!;
            var kinds = (parse.GetValue(models) is { Length: > 0 } names ? names : ["funding"])
                .Select(n => CascadeModels.TryParse(n, out var k) ? k : CascadeModelKind.Funding).ToList();
            var axes = parse.GetValue(sweep) is { Length: > 0 } values ? RankSweep.ParseAxes(values, kinds[0]) : [];
            var page = parse.GetValue(fit) switch
            {
                "none" => PictureFit.None,
                "a4" => PictureFit.A3 with { Page = PageSize.A4 },
                _ => PictureFit.A3,
            };
            var network = graph.Load(parse, context);
            if (parse.GetValue(to) is { } id && !network.Contains(id))
            {
                throw new CliUsageException($"--to: the graph has no entity '{id}'.");
            }

            var options = new ChainReportOptions
            {
                Models = kinds,
                Sweep = axes,
                Baseline = parse.GetValue(baseline),
                Top = parse.GetValue(top) ?? 15,
                Target = parse.GetValue(to),
                Title = parse.GetValue(title),
                Source = Path.GetFileName(Path.TrimEndingDirectorySeparator(parse.GetValue(graph)!)),
                Fit = page,
            };
            var report = TerminalProgressBar.Run(context, "writing the report", () => ChainReport.Create(network, options, renderer, context.CancellationToken));
            report.Save(target);
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {target}: {report.Sections.Count} sections ({string.Join(", ", report.Sections.Select(s => s.Id))})"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
