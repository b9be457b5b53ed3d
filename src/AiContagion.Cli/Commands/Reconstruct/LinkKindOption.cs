using System.CommandLine;
using AiContagion.Cli.Infrastructure;
using AiContagion.Model;

namespace AiContagion.Cli.Commands.Reconstruct;

/// <summary><c>--kind KIND</c>: the kind of the links a command writes (any link kind, case and separators ignored).</summary>
internal sealed class LinkKindOption : Option<LinkKind?>
{
    public LinkKindOption(string description)
        : base("--kind")
    {
        Description = description;
        HelpName = "KIND";
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => LinkKindFacts.TryParse(text.Trim(), out var kind)
            ? (LinkKind?)kind
            : throw new CliUsageException($"{option}: unknown link kind '{text}'; expected one of {LinkKindFacts.AllNames}."));
    }
}
