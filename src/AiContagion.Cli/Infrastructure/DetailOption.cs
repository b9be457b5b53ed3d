using System.CommandLine;

namespace AiContagion.Cli.Infrastructure;

/// <summary>
/// <c>--detail</c>: with <c>--json</c>, every row of every array however large the network; without it, a network of
/// more than <see cref="ResultScope.MaximumCompleteElements"/> entities + links gets the summary and the top rows.
/// </summary>
internal sealed class DetailOption : Option<bool>
{
    public DetailOption()
        : base("--detail")
    {
        Description = "With --json: every row, even when the network has more than " + Readable.Count(ResultScope.MaximumCompleteElements) + " entities + links (without it the JSON then carries the summary and the top rows).";
    }
}
