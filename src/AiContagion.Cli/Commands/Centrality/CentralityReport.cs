using System.Globalization;
using AiContagion.Centrality;
using AiContagion.Cli.Infrastructure;
using AiContagion.Model;
using Spectre.Console;

namespace AiContagion.Cli.Commands.Centrality;

/// <summary>What <c>centrality</c> prints and writes: the top scores, the JSON, every score in a file.</summary>
internal static class CentralityReport
{
    /// <summary>The <c>--output</c> columns: one row per entity, highest score first.</summary>
    public static readonly RowSchema<(int Rank, EntityScore Score, Entity Entity)> Rows = new(
        RowColumn<(int Rank, EntityScore Score, Entity Entity)>.Integer("rank", "1 = highest score", r => r.Rank),
        RowColumn<(int Rank, EntityScore Score, Entity Entity)>.Text("id", "entity id", r => r.Score.Id),
        RowColumn<(int Rank, EntityScore Score, Entity Entity)>.Text("name", "entity name", r => r.Entity.Name),
        RowColumn<(int Rank, EntityScore Score, Entity Entity)>.Text("sector", "its sector", r => r.Entity.Sector.ToString()),
        RowColumn<(int Rank, EntityScore Score, Entity Entity)>.Number("score", "the measure's score", r => r.Score.Score));

    /// <summary>The file (when asked), then the table or the JSON.</summary>
    public static void Write(CliContext context, ResultRequest request, FinancingNetwork network, CentralityScores scores)
    {
        if (request.OutputPath is { } path)
        {
            Rows.Write(path, scores.Ranking().Select((s, i) => (i + 1, s, network.Entities[s.Index])));
        }

        var scope = request.Scope(network);
        if (request.Json)
        {
            var shown = scores.Top(scope.Complete ? request.TopGiven ?? scores.Count : request.Rows);
            JsonOutput.Write(context.Output, w =>
            {
                w.WriteStartObject();
                w.WriteString("measure", scores.Measure);
                w.WriteBoolean("converged", scores.Converged);
                w.WriteNumber("iterations", scores.Iterations);
                if (scores.Measure == "impact-fluidity")
                {
                    // One number per network; the scores are the susceptibilities it averages.
                    w.WriteNumber("fluidity", scores.Scores.IsEmpty ? 0 : scores.Scores.Average());
                }

                scope.WriteTruncation(w, "scores");
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
        }
        else
        {
            WriteTable(context, network, scores, request.Rows);
        }
    }

    /// <summary>Exit code 1 with a message when an iterative measure did not converge (the scores shown are not final).</summary>
    public static int CheckConverged(CliContext context, CentralityScores scores, CentralityMeasure measure)
    {
        if (scores.Converged)
        {
            return ExitCodes.Ok;
        }

        context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"error: {scores.Measure} did not converge in {scores.Iterations} iterations (last l1 change {scores.Residual:G6}); the scores shown are not final. Raise --max-iterations or --tolerance{(measure == CentralityMeasure.Katz ? ", or lower --attenuation below 1/λmax" : string.Empty)}."));
        return ExitCodes.Failure;
    }

    private static void WriteTable(CliContext context, FinancingNetwork network, CentralityScores scores, int rows)
    {
        var console = context.Console;
        var state = scores.Iterations == 0 ? "direct" : scores.Converged
            ? string.Create(CultureInfo.InvariantCulture, $"converged in {scores.Iterations} iterations")
            : string.Create(CultureInfo.InvariantCulture, $"NOT converged after {scores.Iterations} iterations");
        console.MarkupLine($"[bold]{Markup.Escape(scores.Measure)}[/] ({Markup.Escape(state)}), {Readable.Count(scores.Count)} entities");
        if (scores.Measure == "impact-fluidity")
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"impact fluidity = {(scores.Scores.IsEmpty ? 0 : scores.Scores.Average()):G8} (one number for the network: the mean of the impact susceptibilities below)"));
        }

        var table = new Table().AddColumn(new TableColumn("rank").RightAligned()).AddColumn("id").AddColumn("name").AddColumn("sector").AddColumn(new TableColumn("score").RightAligned());
        var rank = 0;
        foreach (var score in scores.Top(rows))
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
        if (scores.Count > rows)
        {
            console.WriteLine(Readable.More(scores.Count - rows, "entities"));
        }
    }
}
