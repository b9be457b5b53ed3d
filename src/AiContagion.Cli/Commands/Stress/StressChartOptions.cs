using System.CommandLine;
using AiContagion.Cli.Infrastructure;
using AiContagion.Stress;

namespace AiContagion.Cli.Commands.Stress;

/// <summary><c>--chart FILE</c> with <c>--chart-measure</c>, and <c>--failure-chart FILE</c>: the stress command's charts.</summary>
internal sealed class StressChartOptions
{
    private readonly ChartOption _chart = new("Write a histogram of the --chart-measure, with mean, p95, p99 and ES99 marked");

    private readonly Option<StressMeasure?> _measure = new("--chart-measure")
    {
        Description = "What --chart draws: 'links' (default), 'amount', 'entities'.",
        HelpName = "links|amount|entities",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => (StressMeasure?)(text.Trim().ToLowerInvariant() switch
        {
            "links" or "linksdown" or "links-down" => StressMeasure.LinksDown,
            "amount" or "amountdown" or "amount-down" => StressMeasure.AmountDown,
            "entities" or "entitiesfailed" or "entities-failed" => StressMeasure.EntitiesFailed,
            _ => throw new CliUsageException($"{option}: '{text}' should be 'links', 'amount' or 'entities'."),
        })),
    };

    private readonly ChartOption _failureChart = new("Write a bar chart of the entities most likely to fail", "--failure-chart");

    public void AddTo(Command command)
    {
        command.Options.Add(_chart);
        command.Options.Add(_measure);
        command.Options.Add(_failureChart);
    }

    /// <summary>The charts asked for.</summary>
    public StressCharts Read(ParseResult parse) => new(parse.GetValue(_chart), parse.GetValue(_measure) ?? StressMeasure.LinksDown, parse.GetValue(_failureChart));
}

/// <summary>The stress charts asked for.</summary>
/// <param name="Distribution">The histogram's file, if any.</param>
/// <param name="Measure">What the histogram (and the JSON histogram) shows.</param>
/// <param name="Failures">The failure-probability chart's file, if any.</param>
internal sealed record StressCharts(string? Distribution, StressMeasure Measure, string? Failures);
