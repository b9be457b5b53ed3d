using System.CommandLine;
using AiContagion.Cascades;
using AiContagion.Model;

namespace AiContagion.Cli.Infrastructure;

/// <summary>
/// The shock of one model run, as <c>cascade</c> and <c>export --overlay cascade</c> take it: withdrawals
/// (<c>--withdraw</c>), failures (<c>--fail</c>), initial distress (<c>--distress</c>, <c>--distress-all</c>) and
/// losses of external assets (<see cref="ExternalShockOptions"/>: <c>--external-shock</c>, <c>--external-shock-all</c>,
/// <c>--external-shock-sector</c>).
/// Shares and sectors are checked while parsing, ids against the network; the shock is described as the user gave it.
/// </summary>
internal sealed class ShockOptions
{
    private readonly WithdrawOption _withdraw = new("Entities that withdraw (stop paying their outgoing links): ID, or ID=share in (0, 1]; repeatable or comma-separated.");

    private readonly IdListOption _fail = new("--fail", "Entities that fail at round 0: ID, repeatable or comma-separated.");

    private readonly NamedSharesOption _distress = new("--distress", "ID=h", "debtrank models: initial distress ID=h, h in [0, 1]; repeatable or comma-separated.");

    private readonly FractionOption _distressAll = new("--distress-all", "debtrank models: the same initial distress h in [0, 1] on every entity.");

    private readonly ExternalShockOptions _external = new();

    private IEnumerable<Option> All => [_withdraw.Option, _fail, _distress, _distressAll, .. _external.All];

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

        _external.Check(parse);
    }

    /// <summary>The shock, every id checked against the network and named once per part, with its description.</summary>
    public GivenShock Build(ParseResult parse, FinancingNetwork network)
    {
        Check(parse);
        var withdrawals = _withdraw.Read(parse, network);
        var failures = _fail.Entities(parse, network);
        var distress = Entities(parse, _distress, network);
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

        var (externalShocks, externalDescription) = _external.Read(parse, network);
        description.AddRange(externalDescription);
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
