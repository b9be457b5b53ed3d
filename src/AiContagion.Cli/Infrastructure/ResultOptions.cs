using System.CommandLine;
using AiContagion.Model;

namespace AiContagion.Cli.Infrastructure;

/// <summary>
/// How an analysis command reports: a summary sized for a person by default (counts, totals, the top rows —
/// <c>--top N</c>, default 20), <c>--json</c> for scripts (every row up to 10,000 entities + links, or with
/// <c>--detail</c>; see <see cref="ResultScope"/>), and <c>--output FILE.csv|FILE.json</c> for every row in a file.
/// </summary>
internal sealed class ResultOptions
{
    public ResultOptions(string topDescription, OutputFileOption? output)
    {
        Top = new TopOption(topDescription);
        Output = output;
    }

    public TopOption Top { get; }

    public JsonOption Json { get; } = new();

    public DetailOption Detail { get; } = new();

    public OutputFileOption? Output { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Top);
        command.Options.Add(Json);
        command.Options.Add(Detail);
        if (Output is not null)
        {
            command.Options.Add(Output);
        }
    }

    /// <summary>What was asked for, checked before any graph is read.</summary>
    public ResultRequest Read(ParseResult parse)
    {
        var json = parse.GetValue(Json);
        var detail = parse.GetValue(Detail);
        if (detail && !json)
        {
            throw new CliUsageException("--detail applies to --json (every row in the JSON); for the table use --top N, for a file --output FILE.csv|FILE.json.");
        }

        return new ResultRequest(json, detail, Top.Rows(parse), parse.GetValue(Top), Output is null ? null : parse.GetValue(Output));
    }
}

/// <summary>What an analysis command was asked to report.</summary>
/// <param name="Json">JSON on standard output instead of a table.</param>
/// <param name="Detail">Every row in the JSON, however large the network.</param>
/// <param name="Rows">Rows of a summary table (<c>--top</c>, default 20).</param>
/// <param name="TopGiven">The <c>--top</c> given, if any.</param>
/// <param name="OutputPath">Where every row goes (<c>--output</c>), if anywhere.</param>
internal sealed record ResultRequest(bool Json, bool Detail, int Rows, int? TopGiven, string? OutputPath)
{
    /// <summary>How much of the result <c>--json</c> carries on this network.</summary>
    public ResultScope Scope(FinancingNetwork network) => ResultScope.For(network, Detail, Rows);
}
