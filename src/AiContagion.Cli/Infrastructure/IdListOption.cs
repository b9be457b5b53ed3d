using System.CommandLine;
using AiContagion.Model;

namespace AiContagion.Cli.Infrastructure;

/// <summary>A repeatable option of entity ids (comma-separated or repeated), checked against the network, each once.</summary>
internal sealed class IdListOption : Option<string[]>
{
    public IdListOption(string name, string description, params string[] aliases)
        : base(name, aliases)
    {
        Description = description;
        HelpName = "ID[,ID]";
    }

    /// <summary>The ids given (none when the option is absent), unchecked.</summary>
    public IReadOnlyList<string> Ids(ParseResult parse) => OptionValues.Parts(parse.GetValue(this));

    /// <summary>The ids given, each an entity of the network and named once.</summary>
    public IReadOnlyList<string> Entities(ParseResult parse, FinancingNetwork network)
    {
        var ids = Ids(parse);
        var name = OptionParsing.NameOf(parse, this);
        OptionValues.EnsureEntities(network, name, ids);
        OptionValues.EnsureUnique(name, ids);
        return ids;
    }
}
