using AiContagion.Export;
using System.CommandLine;
using System.Globalization;
using AiContagion.Cascades;
using AiContagion.Cli.Commands.Cascades;
using AiContagion.Cli.Infrastructure;
using AiContagion.Model;
using AiContagion.Ranking;
using Spectre.Console;
using RankingEntry = AiContagion.Ranking.CandidateRank;

namespace AiContagion.Cli.Commands;

/// <summary>
/// <c>aicontagion rank &lt;graph&gt; --model M [--candidates funding|all|ID,ID] [--pairs | --greedy K] [--top N]
/// [--sweep NAME=v1,v2,...]... [--json]</c>: which funding source's withdrawal brings down the most links, and (with
/// <c>--sweep</c>) how that answer moves across a grid of assumptions.
/// </summary>
internal static class RankCommand
{
    public static Command Create(CliContext context)
    {
        var graph = CommonOptions.Graph();
        var json = CommonOptions.Json();
        var models = new ModelOptions();
        var candidates = new Option<string>("--candidates")
        {
            Description = "Who to try: 'funding' (every funding source, the default), 'all' (every entity), or ID,ID,...",
            DefaultValueFactory = _ => "funding",
        };
        var pairs = new Option<bool>("--pairs") { Description = "Rank every pair of candidates withdrawn together." };
        var greedy = new Option<int?>("--greedy") { Description = "Build a greedy set of K candidates, one entry per step." };
        var top = new Option<int?>("--top") { Description = "Show only the first N entries." };
        var shock = new Option<string>("--shock")
        {
            Description = "How each candidate is shocked: 'withdraw' (default) or 'fail' (for solvency, clearing and DebtRank models).",
            DefaultValueFactory = _ => "withdraw",
        };
        var fraction = new Option<string?>("--fraction") { Description = "Share in (0, 1] of its outgoing links each withdrawing candidate stops (default 1)." };
        var chart = new Option<string?>("--chart") { Description = "Also draw the ranking as a bar chart (links down, direct vs cascade): FILE.png or FILE.svg." };
        var threads = new Option<int?>("--threads") { Description = "Most runs at once (default: one per processor). The ranking does not depend on it." };
        var sweep = new Option<string[]>("--sweep")
        {
            Description = "Rank at every value of an assumption, NAME=v1,v2,... (repeatable: the grid is the cross product), NAME one of "
                + SweepParameter.AllNames + "; prints each ranking and their stability (Kendall's tau-b, top-k overlap with k = --top, default 3).",
        };
        var command = new Command(
            "rank",
            "Rank funding sources (or any candidates) by the links their withdrawal brings down, then amount down, then entities failed.")
        {
            graph,
            json,
            candidates,
            pairs,
            greedy,
            top,
            shock,
            fraction,
            threads,
            chart,
            sweep,
        };
        models.AddTo(command);
        command.SetAction(parse =>
        {
            var chartPath = parse.GetValue(chart);
            if (chartPath is not null && Path.GetExtension(chartPath).ToUpperInvariant() is not (".PNG" or ".SVG"))
            {
                throw new CliUsageException($"--chart: '{chartPath}' should end in .png or .svg.");
            }

            var sweepValues = parse.GetValue(sweep) ?? [];
            var network = CliContext.Load(parse.GetValue(graph)!);
            var (kind, settings) = models.Settings(parse);
            var model = CascadeModels.Create(kind, settings);
            var options = new WithdrawalRankingOptions();
            var candidateText = parse.GetValue(candidates)!.Trim();
            options = candidateText.ToLowerInvariant() switch
            {
                "funding" => options with { Candidates = RankingCandidates.FundingSources },
                "all" => options with { Candidates = RankingCandidates.AllEntities },
                _ => options with { Candidates = RankingCandidates.Given, CandidateIds = [.. CommonOptions.SplitList(candidateText)] },
            };
            if (options.Candidates == RankingCandidates.Given)
            {
                if (options.CandidateIds.IsEmpty)
                {
                    throw new CliUsageException("--candidates: give 'funding', 'all' or a list of ids.");
                }

                OptionValues.EnsureEntities(network, "--candidates", options.CandidateIds);
                if (options.CandidateIds.Distinct(StringComparer.Ordinal).Count() != options.CandidateIds.Length)
                {
                    throw new CliUsageException("--candidates: an id is given twice.");
                }
            }

            var greedySize = parse.GetValue(greedy);
            if (parse.GetValue(pairs) && greedySize is not null)
            {
                throw new CliUsageException("--pairs and --greedy: choose one.");
            }

            if (greedySize is <= 0)
            {
                throw new CliUsageException($"--greedy: {greedySize} must be a positive number of candidates.");
            }

            options = options with
            {
                Mode = parse.GetValue(pairs) ? RankingMode.Pairs : greedySize is not null ? RankingMode.Greedy : RankingMode.Singles,
                GreedySetSize = greedySize ?? 3,
                Shock = parse.GetValue(shock)!.Trim().ToLowerInvariant() switch
                {
                    "withdraw" => CandidateShock.Withdraw,
                    "fail" => CandidateShock.Fail,
                    var other => throw new CliUsageException($"--shock: '{other}' should be 'withdraw' or 'fail'."),
                },
                WithdrawalFraction = parse.GetValue(fraction) is { } f ? OptionValues.Fraction("--fraction", f, allowZero: false) : 1.0,
                MaxDegreeOfParallelism = parse.GetValue(threads) switch
                {
                    null => -1,
                    > 0 and var count => count,
                    var count => throw new CliUsageException($"--threads: {count} must be positive."),
                },
            };
            var limit = parse.GetValue(top);
            if (limit is <= 0)
            {
                throw new CliUsageException($"--top: {limit} must be positive.");
            }

            IProgress<RankingProgress>? progress = context.IsTerminal ? new TerminalProgress(context.Error) : null;
            if (sweepValues.Length > 0)
            {
                return Sweep(context, network, parse, models, parse.GetValue(fraction) is not null, sweepValues, kind, settings, options, limit, chartPath, progress, parse.GetValue(json));
            }

            var ranking = new WithdrawalRanking(model, options).Rank(network, progress, context.CancellationToken);
            if (context.IsTerminal)
            {
                context.Error.WriteLine();
            }

            var entries = limit is { } n ? ranking.Entries.Take(n).ToList() : [.. ranking.Entries];
            if (chartPath is not null && ranking.Entries.Length > 0)
            {
                ModelOverlays.RankingChart(ranking, limit ?? 20).Save(chartPath);
            }

            if (parse.GetValue(json))
            {
                WriteJson(context, ranking, entries);
            }
            else
            {
                WriteTable(context, ranking, entries);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static int Sweep(
        CliContext context,
        FinancingNetwork network,
        ParseResult parse,
        ModelOptions models,
        bool fractionGiven,
        string[] values,
        CascadeModelKind kind,
        CascadeModelSettings settings,
        WithdrawalRankingOptions options,
        int? limit,
        string? chartPath,
        IProgress<RankingProgress>? progress,
        bool json)
    {
        var axes = RankSweep.ParseAxes(values, kind);
        foreach (var axis in axes)
        {
            var single = axis.Parameter == SweepParameter.DefaultTolerance ? "--default-tolerance"
                : axis.Parameter == SweepParameter.Recovery ? "--recovery"
                : axis.Parameter == SweepParameter.WithdrawalFraction ? "--fraction"
                : null;
            var given = single == "--fraction" ? fractionGiven : single is not null && models.Gives(parse, single);
            if (given)
            {
                throw new CliUsageException($"--sweep {axis.Parameter.Name} and {single}: choose one.");
            }
        }

        if (options.Mode == RankingMode.Greedy)
        {
            throw new CliUsageException("--sweep and --greedy: a sweep compares rankings of candidates; use singles or --pairs.");
        }

        if (chartPath is not null)
        {
            throw new CliUsageException("--sweep and --chart: choose one (draw one setting's chart without --sweep).");
        }

        if (axes.Any(a => a.Parameter == SweepParameter.WithdrawalFraction) && options.Shock != CandidateShock.Withdraw)
        {
            throw new CliUsageException("--sweep fraction: the withdrawal fraction applies to --shock withdraw only.");
        }

        var sweepOptions = new RankingSweepOptions { ModelSettings = settings, Ranking = options, TopK = limit ?? 3 };
        var result = new RankingSweep(kind, axes, sweepOptions).Run(network, progress, context.CancellationToken);
        if (context.IsTerminal)
        {
            context.Error.WriteLine();
        }

        if (json)
        {
            RankSweep.WriteJson(context, result, limit);
        }
        else
        {
            RankSweep.WriteTables(context, result, limit);
        }

        return ExitCodes.Ok;
    }

    /// <summary>One ranking entry as a JSON object (shared with the sweep output).</summary>
    internal static void WriteEntry(System.Text.Json.Utf8JsonWriter w, RankingEntry e)
    {
        w.WriteStartObject();
        w.WriteNumber("rank", e.Rank);
        w.WriteString("source", e.Label);
        w.WriteStartArray("sources");
        foreach (var id in e.Sources)
        {
            w.WriteStringValue(id);
        }

        w.WriteEndArray();
        w.WriteNumber("linksDown", e.LinksDown);
        w.WriteNumber("directLinks", e.DirectLinks);
        w.WriteNumber("cascadeLinks", e.CascadeLinks);
        w.WriteNumber("amountDown", e.AmountDown);
        w.WriteNumber("directAmount", e.DirectAmount);
        w.WriteNumber("cascadeAmount", e.CascadeAmount);
        w.WriteNumber("entitiesFailed", e.EntitiesFailed);
        w.WriteEndObject();
    }

    private static void WriteJson(CliContext context, RankingResult ranking, List<RankingEntry> entries) =>
        JsonOutput.Write(context.Output, w =>
        {
            w.WriteStartObject();
            w.WriteString("model", ranking.ModelName);
            w.WriteStartObject("settings");
            foreach (var (name, value) in ranking.Settings)
            {
                w.WriteString(name, value);
            }

            w.WriteEndObject();
            w.WriteString("mode", ranking.Options.Mode.ToString());
            w.WriteString("shock", ranking.Options.Shock.ToString());
            w.WriteNumber("withdrawalFraction", ranking.Options.WithdrawalFraction);
            w.WriteString("unit", ranking.Network.Unit);
            w.WriteNumber("candidates", ranking.Candidates.Length);
            w.WriteNumber("runs", ranking.Runs);
            w.WriteStartArray("ranking");
            foreach (var e in entries)
            {
                WriteEntry(w, e);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });

    private static void WriteTable(CliContext context, RankingResult ranking, List<RankingEntry> entries)
    {
        var console = context.Console;
        var network = ranking.Network;
        console.MarkupLine(string.Create(
            CultureInfo.InvariantCulture,
            $"[bold]{Markup.Escape(ranking.ModelName)}[/] ranking: {ranking.Candidates.Length} candidates, {ranking.Options.Mode}, shock {ranking.Options.Shock}, {ranking.Runs} runs"));
        if (!ranking.Settings.IsEmpty)
        {
            console.WriteLine("settings: " + ModelOptions.Describe(ranking.Settings));
        }

        if (entries.Count == 0)
        {
            console.WriteLine("no candidate");
            return;
        }

        WriteEntryTable(console, network.Unit, entries);
    }

    /// <summary>The ranking table (shared with the sweep output).</summary>
    internal static void WriteEntryTable(IAnsiConsole console, string networkUnit, List<RankingEntry> entries)
    {
        if (entries.Count == 0)
        {
            console.WriteLine("no candidate");
            return;
        }

        var unit = Markup.Escape(networkUnit);
        var table = new Table()
            .AddColumn(new TableColumn("rank").RightAligned())
            .AddColumn("source")
            .AddColumn(new TableColumn("links down").RightAligned())
            .AddColumn(new TableColumn("direct").RightAligned())
            .AddColumn(new TableColumn("cascade").RightAligned())
            .AddColumn(new TableColumn($"amount down ({unit})").RightAligned())
            .AddColumn(new TableColumn("entities failed").RightAligned());
        foreach (var e in entries)
        {
            table.AddRow(
                e.Rank.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(e.Label),
                e.LinksDown.ToString(CultureInfo.InvariantCulture),
                e.DirectLinks.ToString(CultureInfo.InvariantCulture),
                e.CascadeLinks.ToString(CultureInfo.InvariantCulture),
                CascadeCommand.Format(e.AmountDown),
                e.EntitiesFailed.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }

    /// <summary>Writes "ranked N/M" on one terminal line of standard error.</summary>
    private sealed class TerminalProgress(TextWriter error) : IProgress<RankingProgress>
    {
        private readonly Lock _gate = new();

        public void Report(RankingProgress value)
        {
            lock (_gate)
            {
                error.Write(string.Create(CultureInfo.InvariantCulture, $"\rranked {value.Completed}/{value.Total}"));
            }
        }
    }
}
