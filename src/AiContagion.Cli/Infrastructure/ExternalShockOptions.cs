using System.CommandLine;
using AiContagion.Cascades;
using AiContagion.Model;

namespace AiContagion.Cli.Infrastructure;

/// <summary>
/// Losses of external assets: <c>--external-shock ID=f</c>, <c>--external-shock-all f</c>,
/// <c>--external-shock-sector SECTOR=f</c>. One definition for every command that takes them: <see cref="ShockOptions"/>
/// (<c>cascade</c>, <c>export --overlay cascade</c>) holds one beside its withdrawals, failures and distress, and
/// <c>value</c>, whose only shock it is, takes it alone (so its help lists no option that does not apply). Shares and
/// sectors are checked while parsing, ids against the network; each entity is shocked once; the shock is described as
/// the user gave it.
/// </summary>
internal sealed class ExternalShockOptions
{
    private readonly NamedSharesOption _external = new("--external-shock", "ID=f", "Share of its external assets an entity loses, ID=f, f in [0, 1]; repeatable or comma-separated.");

    private readonly FractionOption _externalAll = new("--external-shock-all", "Share f in [0, 1] of its external assets every entity loses.");

    private readonly NamedSharesOption _externalSector = new(
        "--external-shock-sector",
        "SECTOR=f",
        "Share of its external assets every entity of a sector loses, SECTOR=f; repeatable or comma-separated.",
        checkName: (option, name) =>
        {
            if (!SectorFacts.TryParse(name, out _))
            {
                throw new CliUsageException($"{option}: unknown sector '{name}'; expected one of {SectorFacts.AllNames}.");
            }
        });

    /// <summary>The three options, in help order.</summary>
    public IEnumerable<Option> All => [_external, _externalAll, _externalSector];

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Checks the combinations that need no network (before a long read).</summary>
    public void Check(ParseResult parse)
    {
        if (parse.GetValue(_externalAll) is not null && (_external.Items(parse).Count > 0 || _externalSector.Items(parse).Count > 0))
        {
            throw new CliUsageException("--external-shock-all: give it alone, not with --external-shock or --external-shock-sector.");
        }
    }

    /// <summary>Each shocked entity's loss, ids checked against the network and named once, and the shock in words (one phrase per option given; none when none is).</summary>
    public (IReadOnlyList<EntityShock> Shocks, IReadOnlyList<string> Description) Read(ParseResult parse, FinancingNetwork network)
    {
        Check(parse);
        var shocks = new List<EntityShock>();
        var description = new List<string>();
        var items = _external.Items(parse);
        var name = OptionParsing.NameOf(parse, _external);
        OptionValues.EnsureEntities(network, name, items.Select(i => i.Name));
        OptionValues.EnsureUnique(name, items.Select(i => i.Name));
        if (items.Count > 0)
        {
            shocks.AddRange(items.Select(i => new EntityShock(i.Name, i.Share)));
            description.Add("external shock " + Readable.List([.. items.Select(i => $"{i.Name} {Readable.Percent(i.Share)}")]));
        }

        if (parse.GetValue(_externalAll) is { } all)
        {
            shocks.AddRange(network.Entities.Select(e => new EntityShock(e.Id, all)));
            description.Add($"external shock {Readable.Percent(all)} on every entity");
        }

        foreach (var (sectorName, share) in _externalSector.Items(parse))
        {
            var sector = SectorFacts.TryParse(sectorName, out var parsed) ? parsed : throw new CliUsageException($"--external-shock-sector: unknown sector '{sectorName}'.");
            shocks.AddRange(network.EntitiesIn(sector).Select(e => new EntityShock(e.Id, share)));
            description.Add($"external shock {Readable.Percent(share)} on every {sector} entity");
        }

        if (description.Count > 1)
        {
            // Each part names an entity once (checked above, or the network's own distinct entities): only parts together can repeat one.
            OptionValues.EnsureUnique("--external-shock", shocks.Select(e => e.Id));
        }

        return (shocks, description);
    }

    /// <summary>Each shocked entity's loss fraction by id, and the shock in words (<c>no shock</c> when none is given).</summary>
    public (IReadOnlyDictionary<string, double> Losses, string Description) Build(ParseResult parse, FinancingNetwork network)
    {
        var (shocks, description) = Read(parse, network);
        return (shocks.ToDictionary(s => s.Id, s => s.Value, StringComparer.Ordinal), description.Count == 0 ? "no shock" : string.Join("; ", description));
    }
}
