using System.CommandLine;
using System.Globalization;
using AiContagion.Centrality;
using AiContagion.Cli.Infrastructure;
using AiContagion.Model;
using Spectre.Console;

namespace AiContagion.Cli.Commands;

/// <summary>
/// <c>aicontagion centrality &lt;graph&gt; --measure M</c>: strength, PageRank, eigenvector, Katz, betweenness or
/// harmonic closeness of every entity, ranked.
/// </summary>
internal static class CentralityCommand
{
    private static readonly string[] Measures = [.. CentralityMeasures.Names];

    public static Command Create(CliContext context)
    {
        var graph = CommonOptions.Graph();
        var measure = new Option<string>("--measure")
        {
            Description = "The measure: " + string.Join(", ", Measures) + ".",
            Required = true,
        };
        var damping = new Option<double?>("--damping") { Description = "PageRank damping factor in [0, 1] (default 0.85)." };
        var alpha = new Option<double?>("--alpha") { Description = "Katz attenuation factor α > 0 (default 0.1)." };
        var direction = new Option<string?>("--direction")
        {
            Description = "receiving (default: important when important entities pay it; in-strength) or paying (important when it pays important entities; out-strength).",
        };
        var cost = new Option<string?>("--cost")
        {
            Description = "Betweenness/harmonic link length: hops (default) or inverse-amount (1/amount: thick money is short).",
        };
        var weighted = new Option<bool?>("--weighted") { Description = "Weight PageRank/eigenvector/Katz by link amounts (default: true, false for Katz)." };
        var samples = new Option<int?>("--samples") { Description = "Betweenness: estimate from this many sampled sources instead of all." };
        var seed = new Option<int?>("--seed") { Description = "Betweenness: seed of the source sample (default 0)." };
        var tolerance = new Option<double?>("--tolerance") { Description = "PageRank/eigenvector/Katz: stop when the l1 change is below n × tolerance (default 1e-6)." };
        var maxIterations = new Option<int?>("--max-iterations") { Description = "PageRank/eigenvector/Katz: iteration cap (default 100; Katz 1000)." };
        var top = new Option<int?>("--top") { Description = "Show only the N highest scores (default: all)." };
        var json = CommonOptions.Json();
        var command = new Command("centrality", "Rank entities by a centrality measure. Links point the way money moves; --direction says which way importance travels.")
        {
            graph, measure, damping, alpha, direction, cost, weighted, samples, seed, tolerance, maxIterations, top, json,
        };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(measure)!.Trim().ToLowerInvariant();
            if (!Measures.Contains(name))
            {
                throw new CliUsageException($"--measure: unknown measure '{parse.GetValue(measure)}' (expected one of {string.Join(", ", Measures)}).");
            }

            void OnlyFor(string option, bool given, params string[] measures)
            {
                if (given && !measures.Contains(name))
                {
                    throw new CliUsageException($"{option} applies to {string.Join("/", measures)}, not to {name}.");
                }
            }

            OnlyFor("--damping", parse.GetValue(damping) is not null, "pagerank");
            OnlyFor("--alpha", parse.GetValue(alpha) is not null, "katz");
            OnlyFor("--direction", parse.GetValue(direction) is not null, "strength", "pagerank", "eigenvector", "katz", "harmonic");
            OnlyFor("--cost", parse.GetValue(cost) is not null, "betweenness", "harmonic");
            OnlyFor("--weighted", parse.GetValue(weighted) is not null, "pagerank", "eigenvector", "katz");
            OnlyFor("--samples", parse.GetValue(samples) is not null, "betweenness");
            OnlyFor("--seed", parse.GetValue(seed) is not null, "betweenness");
            OnlyFor("--tolerance", parse.GetValue(tolerance) is not null, "pagerank", "eigenvector", "katz");
            OnlyFor("--max-iterations", parse.GetValue(maxIterations) is not null, "pagerank", "eigenvector", "katz");
            if (parse.GetValue(top) is < 0)
            {
                throw new CliUsageException($"--top: must be 0 or more, got {parse.GetValue(top)}.");
            }

            var chosenDirection = ParseDirection(parse.GetValue(direction));
            var chosenCost = ParseCost(parse.GetValue(cost));
            var network = CliContext.Load(parse.GetValue(graph)!);
            var token = context.CancellationToken;
            CentralityScores scores;
            try
            {
                scores = name switch
                {
                    "strength" => StrengthCentrality.Compute(network, chosenDirection),
                    "pagerank" => PageRank.Compute(network, Apply(new PageRankOptions { Direction = chosenDirection }, parse, damping, weighted, tolerance, maxIterations), token),
                    "eigenvector" => EigenvectorCentrality.Compute(network, new EigenvectorOptions
                    {
                        Direction = chosenDirection,
                        Weighted = parse.GetValue(weighted) ?? true,
                        Tolerance = parse.GetValue(tolerance) ?? 1e-6,
                        MaxIterations = parse.GetValue(maxIterations) ?? 100,
                    }, token),
                    "katz" => KatzCentrality.Compute(network, new KatzOptions
                    {
                        Direction = chosenDirection,
                        Alpha = parse.GetValue(alpha) ?? 0.1,
                        Weighted = parse.GetValue(weighted) ?? false,
                        Tolerance = parse.GetValue(tolerance) ?? 1e-6,
                        MaxIterations = parse.GetValue(maxIterations) ?? 1000,
                    }, token),
                    "betweenness" => BetweennessCentrality.Compute(network, new BetweennessOptions
                    {
                        Cost = chosenCost,
                        Samples = parse.GetValue(samples),
                        Seed = parse.GetValue(seed) ?? 0,
                    }, token),
                    "debtrank" => DebtRankImpact.Compute(network, null, token),
                    _ => HarmonicCentrality.Compute(network, new HarmonicOptions { Cost = chosenCost, Direction = chosenDirection }, token),
                };
            }
            catch (ArgumentOutOfRangeException e)
            {
                var got = e.ActualValue is IFormattable value ? "; got " + value.ToString(null, CultureInfo.InvariantCulture) : "";
                throw new CliUsageException($"--{OptionName(e.ParamName)}: {e.Message.Split(" (Parameter", 2)[0].TrimEnd('.')}{got}.", e);
            }

            var shown = scores.Top(parse.GetValue(top) ?? scores.Count);
            if (parse.GetValue(json))
            {
                WriteJson(context, scores, shown);
            }
            else
            {
                WriteTable(context, network, scores, shown);
            }

            if (!scores.Converged)
            {
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"error: {scores.Measure} did not converge in {scores.Iterations} iterations (last l1 change {scores.Residual:G6}); the scores shown are not final. Raise --max-iterations or --tolerance{(name == "katz" ? ", or lower --alpha below 1/λmax" : string.Empty)}."));
                return ExitCodes.Failure;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static PageRankOptions Apply(PageRankOptions options, ParseResult parse, Option<double?> damping, Option<bool?> weighted, Option<double?> tolerance, Option<int?> maxIterations) => options with
    {
        Damping = parse.GetValue(damping) ?? options.Damping,
        Weighted = parse.GetValue(weighted) ?? options.Weighted,
        Tolerance = parse.GetValue(tolerance) ?? options.Tolerance,
        MaxIterations = parse.GetValue(maxIterations) ?? options.MaxIterations,
    };

    private static string OptionName(string? parameter) => parameter switch
    {
        "Damping" => "damping",
        "Alpha" => "alpha",
        "Tolerance" => "tolerance",
        "MaxIterations" => "max-iterations",
        "Samples" => "samples",
        _ => (parameter ?? "option").ToLowerInvariant(),
    };

    private static CentralityDirection ParseDirection(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "receiving" => CentralityDirection.Receiving,
        "paying" => CentralityDirection.Paying,
        _ => throw new CliUsageException($"--direction: unknown direction '{text}' (expected receiving or paying)."),
    };

    private static PathCost ParseCost(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "hops" => PathCost.Hops,
        "inverse-amount" or "inverseamount" => PathCost.InverseAmount,
        _ => throw new CliUsageException($"--cost: unknown path cost '{text}' (expected hops or inverse-amount)."),
    };

    private static void WriteJson(CliContext context, CentralityScores scores, IReadOnlyList<EntityScore> shown) =>
        JsonOutput.Write(context.Output, w =>
        {
            w.WriteStartObject();
            w.WriteString("measure", scores.Measure);
            w.WriteBoolean("converged", scores.Converged);
            w.WriteNumber("iterations", scores.Iterations);
            w.WriteStartArray("scores");
            foreach (var score in shown)
            {
                w.WriteStartObject();
                w.WriteString("id", score.Id);
                w.WriteNumberOrNull("score", score.Score);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });

    private static void WriteTable(CliContext context, FinancingNetwork network, CentralityScores scores, IReadOnlyList<EntityScore> shown)
    {
        var console = context.Console;
        var state = scores.Iterations == 0 ? "direct" : scores.Converged
            ? string.Create(CultureInfo.InvariantCulture, $"converged in {scores.Iterations} iterations")
            : string.Create(CultureInfo.InvariantCulture, $"NOT converged after {scores.Iterations} iterations");
        console.MarkupLine($"[bold]{Markup.Escape(scores.Measure)}[/] ({Markup.Escape(state)}), {scores.Count} entities");
        var table = new Table().AddColumn(new TableColumn("rank").RightAligned()).AddColumn("id").AddColumn("name").AddColumn("sector").AddColumn(new TableColumn("score").RightAligned());
        var rank = 0;
        foreach (var score in shown)
        {
            var entity = network.Entities[score.Index];
            table.AddRow(
                (++rank).ToString(CultureInfo.InvariantCulture),
                Markup.Escape(score.Id),
                Markup.Escape(entity.Name),
                entity.Sector.ToString(),
                score.Score.ToString("G8", CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }
}
