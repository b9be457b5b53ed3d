using System.CommandLine;

namespace AiContagion.Cli.Infrastructure;

/// <summary>
/// <c>--top N</c>: how many of the command's ranked rows are shown (a positive whole number). Summaries show
/// <see cref="DefaultRows"/> unless the command says otherwise; <c>--output</c> writes every row whatever N is.
/// </summary>
internal sealed class TopOption : Option<int?>
{
    /// <summary>Rows in a summary when <c>--top</c> is not given.</summary>
    public const int DefaultRows = 20;

    public TopOption(string description)
        : base("--top")
    {
        Description = description;
        HelpName = "N";
        CustomParser = result => OptionParsing.ParseOne(result, (name, text) => (int)OptionValues.Integer(name, text, 1, int.MaxValue));
    }

    /// <summary>The rows to show: N, or <see cref="DefaultRows"/>.</summary>
    public int Rows(ParseResult parse) => parse.GetValue(this) ?? DefaultRows;
}
