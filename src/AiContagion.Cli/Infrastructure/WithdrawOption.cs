using System.Collections.Immutable;
using System.CommandLine;
using AiContagion.Cascades;
using AiContagion.Model;

namespace AiContagion.Cli.Infrastructure;

/// <summary>
/// <c>--withdraw ID[=share]</c> (<c>-w</c>): entities that withdraw, i.e. stop paying their outgoing links — all of
/// them, or the given share in (0, 1]. Repeatable or comma-separated; each id once. Used by <c>cascade</c>,
/// <c>export --overlay cascade</c> (through <see cref="ShockOptions"/>) and <c>runway</c>.
/// </summary>
internal sealed class WithdrawOption
{
    public WithdrawOption(string description) =>
        Option = new NamedSharesOption("--withdraw", "ID[=share]", description, defaultShare: 1.0, allowZero: false, checkName: null, aliases: ["-w"]);

    /// <summary>The System.CommandLine option.</summary>
    public NamedSharesOption Option { get; }

    /// <summary>Whether any withdrawal was given.</summary>
    public bool Given(ParseResult parse) => Option.Items(parse).Count > 0;

    /// <summary>The withdrawals, each of an entity of the network, each entity once.</summary>
    public ImmutableArray<Withdrawal> Read(ParseResult parse, FinancingNetwork network)
    {
        var items = Option.Items(parse);
        var name = OptionParsing.NameOf(parse, Option);
        OptionValues.EnsureEntities(network, name, items.Select(w => w.Name));
        OptionValues.EnsureUnique(name, items.Select(w => w.Name));
        return [.. items.Select(w => new Withdrawal(w.Name, w.Share))];
    }

    /// <summary>The withdrawals as a person reads them: <c>withdrawal of vc-fund, bank (50 %)</c>.</summary>
    public static string Describe(IReadOnlyList<Withdrawal> withdrawals) =>
        "withdrawal of " + Readable.List(withdrawals.Select(w => w.Fraction == 1.0 ? w.Id : $"{w.Id} ({Readable.Percent(w.Fraction)})").ToList());
}
