using System.CommandLine;
using AiContagion.Flow;
using AiContagion.Model;

namespace AiContagion.Cli.Infrastructure;

/// <summary>
/// <c>--from</c> and <c>--to</c>: a set of entities, where money paths start or end. Comma-separated items, each
/// <c>funding</c> (every funding source), <c>sector:NAME</c>, <c>id:ID</c>, or a bare name: an entity id, else a
/// sector name (an entity id wins over a sector of the same name: the toy chain has an entity called chipmaker).
/// </summary>
internal sealed class EntitySelectionOption : Option<string?>
{
    public EntitySelectionOption(string name, string description)
        : base(name)
    {
        Description = description;
        HelpName = "funding|sector:NAME|ID[,ID]";
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) =>
            EntitySelection.TryParse(text, out _, out var problem) ? text : throw new CliUsageException($"{option}: {problem}."));
    }

    /// <summary>Whether the option was given.</summary>
    public bool Given(ParseResult parse) => parse.GetValue(this) is not null;

    /// <summary>The selection, checked against the network; <paramref name="fallback"/> when not given.</summary>
    public EntitySelection? Resolve(ParseResult parse, FinancingNetwork network, EntitySelection? fallback = null)
    {
        var text = parse.GetValue(this);
        if (text is null)
        {
            return fallback;
        }

        var option = OptionParsing.NameOf(parse, this);
        var items = new List<EntitySelection>();
        foreach (var part in OptionValues.SplitList(text))
        {
            if (part.Equals("funding", StringComparison.OrdinalIgnoreCase) || part.StartsWith("sector:", StringComparison.OrdinalIgnoreCase))
            {
                items.Add(EntitySelection.Parse(part));
            }
            else if (part.StartsWith("id:", StringComparison.OrdinalIgnoreCase))
            {
                var id = part["id:".Length..];
                items.Add(network.Contains(id) ? EntitySelection.Of(id) : throw new CliUsageException($"{option}: the graph has no entity '{id}'."));
            }
            else if (network.Contains(part))
            {
                items.Add(EntitySelection.Of(part));
            }
            else if (SectorFacts.TryParse(part, out var sector))
            {
                items.Add(EntitySelection.InSector(sector));
            }
            else
            {
                throw new CliUsageException($"{option}: '{part}' is neither an entity id nor a sector ({SectorFacts.AllNames}).");
            }
        }

        var selection = EntitySelection.Union(items);
        try
        {
            _ = selection.Select(network);
        }
        catch (ArgumentException)
        {
            throw new CliUsageException($"{option}: '{text}' selects no entity of the network.");
        }

        return selection;
    }
}
