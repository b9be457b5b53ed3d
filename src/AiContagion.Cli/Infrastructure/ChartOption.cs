using System.CommandLine;
using AiContagion.Export;

namespace AiContagion.Cli.Infrastructure;

/// <summary>
/// <c>--chart FILE.png|FILE.svg</c> (and the other chart files, e.g. <c>--failure-chart</c>): where a command draws
/// its chart. The extension is checked while parsing, so a bad one fails before any long run.
/// </summary>
internal sealed class ChartOption : Option<string?>
{
    public ChartOption(string description, string name = "--chart")
        : base(name)
    {
        Description = description + " (.png or .svg)";
        HelpName = "FILE";
        CustomParser = result => OptionParsing.ParseOne(result, (option, path) =>
        {
            try
            {
                Chart.FormatOf(path);
            }
            catch (ArgumentException)
            {
                throw new CliUsageException($"{option}: '{path}' should end in .png or .svg.");
            }

            return path;
        });
    }
}
