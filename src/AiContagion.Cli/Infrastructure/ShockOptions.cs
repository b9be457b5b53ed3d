using System.CommandLine;
using AiContagion.Cascades;
using AiContagion.Model;

namespace AiContagion.Cli.Infrastructure;

/// <summary>
/// The shock of one model run, as <c>cascade</c> and <c>export --overlay cascade</c> take it: withdrawals
/// (<c>--withdraw</c>), failures (<c>--fail</c>), initial distress (<c>--distress</c>, <c>--distress-all</c>) and
/// losses of external assets (<c>--external-shock</c>, <c>--external-shock-all</c>, <c>--external-shock-sector</c>).
/// Shares and sectors are checked while parsing, ids against the network; the shock is described as the user gave it.
/// </summary>
internal sealed class ShockOptions
{
    private readonly WithdrawOption _withdraw = new("Entities that withdraw (stop paying their outgoing links): ID, or ID=share in (0, 1]; repeatable or comma-separated.");

    private readonly IdListOption _fail = new("--fail", "Entities that fail at round 0: ID, repeatable or comma-separated.");

    private readonly NamedSharesOption _distress = new("--distress", "ID=h", "debtrank models: initial distress ID=h, h in [0, 1]; repeatable or comma-separated.");

    private readonly FractionOption _distressAll = new("--distress-all", "debtrank models: the same initial distress h in [0, 1] on every entity.");

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

    private IEnumerable<Option> All => [_withdraw.Option, _fail, _distress, _distressAll, _external, _externalAll, _externalSector];

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The shock options given, by name as typed (for messages about options that do not apply).</summary>
    public IReadOnlyList<string> Given(ParseResult parse) => [.. All.Where(o => OptionParsing.Given(parse, o)).Select(o => OptionParsing.NameOf(parse, o))];

    /// <summary>Checks the combinations that need no network (before a long read).</summary>
    public void Check(ParseResult parse)
    {
        if (parse.GetValue(_distressAll) is not null && _distress.Items(parse).Count > 0)
        {
            throw new CliUsageException("--distress-all: give either --distress or --distress-all, not both.");
        }

        if (parse.GetValue(_externalAll) is not null && (_external.Items(parse).Count > 0 || _externalSector.Items(parse).Count > 0))
        {
            throw new CliUsageException("--external-shock-all: give it alone, not with --external-shock or --external-shock-sector.");
        }
    }

    /// <summary>The shock, every id checked against the network and named once per part, with its description.</summary>
    public GivenShock Build(ParseResult parse, FinancingNetwork network)
    {
        Check(parse);
        var withdrawals = _withdraw.Read(parse, network);
        var failures = _fail.Entities(parse, network);
        var distress = Entities(parse, _distress, network);
        var external = Entities(parse, _external, network);
        var description = new List<string>();
        if (!withdrawals.IsEmpty)
        {
            description.Add(WithdrawOption.Describe(withdrawals));
        }

        if (failures.Count > 0)
        {
            description.Add("failure of " + Readable.List(failures));
        }

        var distressShocks = distress.Select(d => new EntityShock(d.Name, d.Share)).ToList();
        if (parse.GetValue(_distressAll) is { } h)
        {
            distressShocks.AddRange(network.Entities.Select(e => new EntityShock(e.Id, h)));
            description.Add($"distress {Readable.Percent(h)} on every entity");
        }
        else if (distress.Count > 0)
        {
            description.Add("distress " + Shares(distress));
        }

        var externalShocks = external.Select(d => new EntityShock(d.Name, d.Share)).ToList();
        if (external.Count > 0)
        {
            description.Add("external shock " + Shares(external));
        }

        if (parse.GetValue(_externalAll) is { } f)
        {
            externalShocks.AddRange(network.Entities.Select(e => new EntityShock(e.Id, f)));
            description.Add($"external shock {Readable.Percent(f)} on every entity");
        }

        foreach (var (name, share) in _externalSector.Items(parse))
        {
            var sector = SectorFacts.TryParse(name, out var parsed) ? parsed : throw new CliUsageException($"--external-shock-sector: unknown sector '{name}'.");
            externalShocks.AddRange(network.EntitiesIn(sector).Select(e => new EntityShock(e.Id, share)));
            description.Add($"external shock {Readable.Percent(share)} on every {sector} entity");
        }

        OptionValues.EnsureUnique("--external-shock", externalShocks.Select(e => e.Id));
        var shock = new CascadeShock
        {
            Withdrawals = withdrawals,
            Failures = [.. failures],
            Distress = [.. distressShocks],
            ExternalAssetLosses = [.. externalShocks],
        };
        return new GivenShock(shock, description.Count == 0 ? "no shock" : string.Join("; ", description));
    }

    private static IReadOnlyList<NamedShare> Entities(ParseResult parse, NamedSharesOption option, FinancingNetwork network)
    {
        var items = option.Items(parse);
        var name = OptionParsing.NameOf(parse, option);
        OptionValues.EnsureEntities(network, name, items.Select(i => i.Name));
        OptionValues.EnsureUnique(name, items.Select(i => i.Name));
        return items;
    }

    /// <summary><c>b1 100 %, b3 90 %</c>: each entity with its share, the list cut after a few.</summary>
    private static string Shares(IReadOnlyList<NamedShare> items) => Readable.List([.. items.Select(i => $"{i.Name} {Readable.Percent(i.Share)}")]);
}
