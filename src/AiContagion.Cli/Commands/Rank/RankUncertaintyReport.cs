using System.Globalization;
using System.Text.Json;
using AiContagion.Cli.Infrastructure;
using AiContagion.Export;
using AiContagion.Ranking;
using Spectre.Console;

namespace AiContagion.Cli.Commands.Rank;

/// <summary>What <c>rank --uncertainty N</c> prints and writes: the top candidates, the documented JSON, every candidate in a file, the rank-interval chart.</summary>
internal static class RankUncertaintyReport
{
    /// <summary>The <c>--output</c> columns with <c>--uncertainty</c>: one row per candidate, most likely first first.</summary>
    public static readonly RowSchema<CandidateUncertainty> Rows = new(
        RowColumn<CandidateUncertainty>.Text("source", "the candidate (a+b for a pair)", r => r.Label),
        RowColumn<CandidateUncertainty>.Integer("nominalRank", "its rank with the amounts as stated", r => r.NominalRank),
        RowColumn<CandidateUncertainty>.Number("pFirst", "probability of ranking first (ties split first place evenly)", r => r.PFirst),
        RowColumn<CandidateUncertainty>.Number("pFirstStandardError", "Monte Carlo standard error of pFirst", r => r.PFirstStandardError),
        RowColumn<CandidateUncertainty>.Number("pTop3", "probability of ranking in the top 3 (a tie group shares the places it holds evenly)", r => r.PTop3),
        RowColumn<CandidateUncertainty>.Number("pTop3StandardError", "Monte Carlo standard error of pTop3", r => r.PTop3StandardError),
        RowColumn<CandidateUncertainty>.Integer("rankLow", "5 % quantile of the rank (ties take their group's best place)", r => r.RankLow),
        RowColumn<CandidateUncertainty>.Integer("rankHigh", "95 % quantile of the rank", r => r.RankHigh),
        RowColumn<CandidateUncertainty>.Number("linksDownMean", "mean links down", r => r.LinksDownMean),
        RowColumn<CandidateUncertainty>.Integer("linksDownP05", "5 % quantile of the links down", r => r.LinksDownP05),
        RowColumn<CandidateUncertainty>.Integer("linksDownP95", "95 % quantile of the links down", r => r.LinksDownP95));

    /// <summary>Writes the chart and the file (when asked), then the table or the JSON.</summary>
    public static void Write(CliContext context, ResultRequest request, UncertaintyRankingResult result, string? chart)
    {
        if (chart is not null && result.Candidates.Length > 0)
        {
            result.RankIntervalChart(request.Rows).Save(chart);
        }

        if (request.OutputPath is { } path)
        {
            Rows.Write(path, result.Candidates);
        }

        var scope = request.Scope(result.Network);
        if (request.Json)
        {
            var rows = scope.Complete ? result.Candidates.Take(request.TopGiven ?? int.MaxValue) : result.Candidates.Take(scope.Rows);
            JsonOutput.Write(context.Output, w => WriteJson(w, result, [.. rows], scope));
        }
        else
        {
            WriteTable(context, result, request.Rows);
        }
    }

    private static void WriteJson(Utf8JsonWriter w, UncertaintyRankingResult result, IReadOnlyList<CandidateUncertainty> rows, ResultScope scope)
    {
        var ranking = result.Options.Ranking;
        w.WriteStartObject();
        w.WriteString("model", result.ModelName);
        w.WriteStartObject("settings");
        foreach (var (name, value) in result.Settings)
        {
            w.WriteString(name, value);
        }

        w.WriteEndObject();
        w.WriteString("mode", ranking.Mode.ToString());
        w.WriteString("shock", ranking.Shock.ToString());
        w.WriteNumber("withdrawalFraction", ranking.WithdrawalFraction);
        w.WriteString("unit", result.Network.Unit);
        w.WriteNumber("candidates", result.Candidates.Length);
        w.WriteNumber("draws", result.Draws);
        w.WriteNumber("seed", result.Options.Seed);
        w.WriteString("amountDistribution", AmountDistributionOption.NameOf(result.Options.Distribution));
        w.WriteNumber("rangedLinks", result.RangedLinks.Length);
        w.WriteNumber("runs", result.Runs);
        w.WriteNumber("tiedFirstDraws", result.TiedFirstDraws);
        scope.WriteTruncation(w, "uncertainty");
        w.WriteStartArray("uncertainty");
        foreach (var c in rows)
        {
            w.WriteStartObject();
            w.WriteString("source", c.Label);
            w.WriteStrings("sources", c.Sources);
            w.WriteNumber("nominalRank", c.NominalRank);
            w.WriteNumber("pFirst", c.PFirst);
            w.WriteNumber("pFirstStandardError", c.PFirstStandardError);
            w.WriteNumber("pTop3", c.PTop3);
            w.WriteNumber("pTop3StandardError", c.PTop3StandardError);
            w.WriteNumber("rankLow", c.RankLow);
            w.WriteNumber("rankHigh", c.RankHigh);
            w.WriteNumber("linksDownMean", c.LinksDownMean);
            w.WriteNumber("linksDownP05", c.LinksDownP05);
            w.WriteNumber("linksDownP95", c.LinksDownP95);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTable(CliContext context, UncertaintyRankingResult result, int rows)
    {
        var console = context.Console;
        var ranking = result.Options.Ranking;
        console.MarkupLine(string.Create(
            CultureInfo.InvariantCulture,
            $"[bold]{Markup.Escape(result.ModelName)}[/] ranking under uncertainty: {result.Candidates.Length} candidates, {ranking.Mode}, shock {ranking.Shock}, {Readable.Count(result.Draws)} draws of {result.RangedLinks.Length} ranged amounts ({AmountDistributionOption.NameOf(result.Options.Distribution)}, seed {result.Options.Seed}), {Readable.Count(result.Runs)} runs"));
        if (!result.Settings.IsEmpty)
        {
            console.WriteLine("settings: " + ModelOptions.Describe(result.Settings));
        }

        if (result.RangedLinks.IsEmpty)
        {
            console.WriteLine("no link has a range (low/high): every draw is the stated network, so the probabilities only split ties.");
        }

        if (result.TiedFirstDraws > 0)
        {
            console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"first place tied in {Readable.Count(result.TiedFirstDraws)} of {Readable.Count(result.Draws)} draws (shared evenly between the tied sources)."));
        }

        if (result.Candidates.IsEmpty)
        {
            console.WriteLine("no candidate");
            return;
        }

        var table = new Table()
            .AddColumn("source")
            .AddColumn(new TableColumn("P(first)").RightAligned())
            .AddColumn(new TableColumn("P(top 3)").RightAligned())
            .AddColumn(new TableColumn("rank 5–95 %").RightAligned())
            .AddColumn(new TableColumn("stated rank").RightAligned())
            .AddColumn(new TableColumn("links down: mean [[5–95 %]]").RightAligned());
        foreach (var c in result.Candidates.Take(rows))
        {
            table.AddRow(
                Markup.Escape(c.Label),
                Probability(c.PFirst, c.PFirstStandardError),
                Probability(c.PTop3, c.PTop3StandardError),
                c.RankLow == c.RankHigh ? c.RankLow.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{c.RankLow}–{c.RankHigh}"),
                c.NominalRank.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{c.LinksDownMean:0.#} [{c.LinksDownP05}–{c.LinksDownP95}]")));
        }

        console.Write(table);
        if (result.Candidates.Length > rows)
        {
            console.WriteLine(Readable.More(result.Candidates.Length - rows, "candidates"));
        }

        console.WriteLine("P: share of the draws (± one standard error); ties split a place evenly. Rank: 5 %–95 % of the draws, tied sources take their group's best place.");
    }

    private static string Probability(double p, double standardError) => standardError > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{p * 100:0.0} % ± {standardError * 100:0.0}")
        : string.Create(CultureInfo.InvariantCulture, $"{p * 100:0.0} %");
}
