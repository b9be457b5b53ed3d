using System.CommandLine;
using AiContagion.Cascades;
using AiContagion.Cli.Infrastructure;

namespace AiContagion.Cli.Commands.Runway;

/// <summary>
/// The <c>runway</c> command's settings: the runway parameters (<c>--months</c>, <c>--at</c>, <c>--floor</c>,
/// <c>--unknown-cash</c>, <c>--default-term</c>, <c>--recurring</c>, shared with <c>--model runway</c>), and
/// <c>--default-tolerance</c>, <c>--recovery</c>, <c>--cash-paths</c>.
/// </summary>
internal sealed class RunwayOptionsReader
{
    private readonly RunwayParameters _parameters = new();

    private readonly FractionOption _tolerance = new("--default-tolerance", "τ in [0, 1] for --unknown-cash tolerance when the entity has no tolerance figure (default 0.25).");

    private readonly Option<string[]> _recovery = new("--recovery")
    {
        Description = "Recovery rate per claim kind of the solvency channel, KIND=r (repeatable or comma-separated), or r for every kind (default 0): a lender loses (1 − r) × the principal outstanding when its borrower fails.",
        HelpName = "[KIND=]r",
        CustomParser = result => OptionParsing.Parse(result, (option, tokens) =>
        {
            _ = ModelOptions.Recovery(option, OptionValues.Parts(tokens));
            return tokens.ToArray();
        }),
    };

    private readonly Option<bool> _cashPaths = new("--cash-paths") { Description = "JSON: include each entity's cash month by month." };

    public void AddTo(Command command)
    {
        foreach (var option in _parameters.All.Append(_tolerance).Append(_recovery).Append(_cashPaths))
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Whether the JSON carries each entity's cash path.</summary>
    public bool CashPaths(ParseResult parse) => parse.GetValue(_cashPaths);

    /// <summary>The model's options, checked together.</summary>
    public RunwayOptions Read(ParseResult parse)
    {
        if (parse.GetValue(_tolerance) is not null && _parameters.UnknownCashIsNotTolerance(parse))
        {
            throw new CliUsageException("--default-tolerance applies only with --unknown-cash tolerance.");
        }

        return _parameters.Read(parse, new RunwayOptions
        {
            DefaultTolerance = _tolerance.Value(parse, 0.25),
            Recovery = ModelOptions.Recovery("--recovery", OptionValues.Parts(parse.GetValue(_recovery))),
        });
    }
}
