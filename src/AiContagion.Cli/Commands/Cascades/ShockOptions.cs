using System.CommandLine;
using AiContagion.Cascades;
using AiContagion.Cli.Infrastructure;
using AiContagion.Model;

namespace AiContagion.Cli.Commands.Cascades;

/// <summary>The shock options of <c>cascade</c>: withdrawals, failures, distress and external-asset losses.</summary>
internal sealed class ShockOptions
{
    private readonly Option<string[]> _withdraw = new("--withdraw", "-w")
    {
        Description = "Entities that withdraw (stop their outgoing links): ID or ID=fraction, repeatable or comma-separated.",
    };

    private readonly Option<string[]> _fail = new("--fail") { Description = "Entities that fail at round 0: ID, repeatable or comma-separated." };

    private readonly Option<string[]> _distress = new("--distress") { Description = "debtrank models: initial distress ID=h, h in [0, 1]." };

    private readonly Option<string?> _distressAll = new("--distress-all") { Description = "debtrank models: the same initial distress h on every entity." };

    private readonly Option<string[]> _external = new("--external-shock") { Description = "Fraction of external assets lost, ID=f." };

    private readonly Option<string?> _externalAll = new("--external-shock-all") { Description = "Fraction f of external assets lost by every entity." };

    private readonly Option<string[]> _externalSector = new("--external-shock-sector") { Description = "Fraction of external assets lost by every entity of a sector, SECTOR=f." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _withdraw, _fail, _distress, _distressAll, _external, _externalAll, _externalSector })
        {
            command.Options.Add(option);
        }
    }

    public CascadeShock Build(ParseResult parse, FinancingNetwork network)
    {
        var withdrawals = OptionValues.Assignments("--withdraw", OptionValues.Parts(parse.GetValue(_withdraw)), 1.0, allowZero: false);
        var failures = OptionValues.Parts(parse.GetValue(_fail));
        var distress = OptionValues.Assignments("--distress", OptionValues.Parts(parse.GetValue(_distress)), null).ToList();
        var external = OptionValues.Assignments("--external-shock", OptionValues.Parts(parse.GetValue(_external)), null).ToList();
        OptionValues.EnsureEntities(network, "--withdraw", withdrawals.Select(w => w.Name));
        OptionValues.EnsureEntities(network, "--fail", failures);
        OptionValues.EnsureEntities(network, "--distress", distress.Select(d => d.Name));
        OptionValues.EnsureEntities(network, "--external-shock", external.Select(d => d.Name));

        if (parse.GetValue(_distressAll) is { } all)
        {
            if (distress.Count > 0)
            {
                throw new CliUsageException("--distress-all: give either --distress or --distress-all, not both.");
            }

            var h = OptionValues.Fraction("--distress-all", all);
            distress.AddRange(network.Entities.Select(e => (e.Id, h)));
        }

        var sectors = OptionValues.Assignments("--external-shock-sector", OptionValues.Parts(parse.GetValue(_externalSector)), null);
        var externalAll = parse.GetValue(_externalAll);
        if (externalAll is not null && (external.Count > 0 || sectors.Count > 0))
        {
            throw new CliUsageException("--external-shock-all: give it alone, not with --external-shock or --external-shock-sector.");
        }

        if (externalAll is not null)
        {
            var f = OptionValues.Fraction("--external-shock-all", externalAll);
            external.AddRange(network.Entities.Select(e => (e.Id, f)));
        }

        foreach (var (name, f) in sectors)
        {
            if (!SectorFacts.TryParse(name, out var sector))
            {
                throw new CliUsageException($"--external-shock-sector: unknown sector '{name}'; expected one of {SectorFacts.AllNames}.");
            }

            external.AddRange(network.EntitiesIn(sector).Select(e => (e.Id, f)));
        }

        Unique("--withdraw", withdrawals.Select(w => w.Name));
        Unique("--fail", failures);
        Unique("--distress", distress.Select(d => d.Name));
        Unique("--external-shock", external.Select(d => d.Name));
        return new CascadeShock
        {
            Withdrawals = [.. withdrawals.Select(w => new Withdrawal(w.Name, w.Value))],
            Failures = [.. failures],
            Distress = [.. distress.Select(d => new EntityShock(d.Item1, d.Item2))],
            ExternalAssetLosses = [.. external.Select(d => new EntityShock(d.Item1, d.Item2))],
        };
    }

    private static void Unique(string option, IEnumerable<string> ids)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                throw new CliUsageException($"{option}: '{id}' is given twice.");
            }
        }
    }
}
