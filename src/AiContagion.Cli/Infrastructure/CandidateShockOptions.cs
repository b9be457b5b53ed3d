using AiContagion.Ranking;
using System.CommandLine;
using AiContagion.Cascades;

namespace AiContagion.Cli.Infrastructure;

/// <summary>
/// <c>--shock withdraw|fail</c> and <c>--fraction f</c>: what happens to each entity a command picks (each ranking
/// candidate, each entity a stress trial draws) — it withdraws the share f in (0, 1] of its outgoing links, or it
/// fails (for solvency, clearing and DebtRank models). Shared by <c>rank</c> and <c>stress</c>.
/// </summary>
internal sealed class CandidateShockOptions
{
    private readonly Option<CandidateShock?> _shock;

    private readonly FractionOption _fraction;

    public CandidateShockOptions(string who)
    {
        _shock = new Option<CandidateShock?>("--shock")
        {
            Description = $"What {who} does: 'withdraw' (default) or 'fail' (for solvency, clearing and DebtRank models).",
            HelpName = "withdraw|fail",
            CustomParser = result => OptionParsing.ParseOne(result, (option, text) => (CandidateShock?)(text.Trim().ToLowerInvariant() switch
            {
                "withdraw" => CandidateShock.Withdraw,
                "fail" => CandidateShock.Fail,
                _ => throw new CliUsageException($"{option}: '{text}' should be 'withdraw' or 'fail'."),
            })),
        };
        _fraction = new FractionOption("--fraction", $"Share in (0, 1] of its outgoing links {who} stops when it withdraws (default 1).", allowZero: false);
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_shock);
        command.Options.Add(_fraction);
    }

    /// <summary>The shock chosen.</summary>
    public CandidateShock Shock(ParseResult parse) => parse.GetValue(_shock) ?? CandidateShock.Withdraw;

    /// <summary>The withdrawal share (1 when not given).</summary>
    public double Fraction(ParseResult parse) => _fraction.Value(parse, 1.0);

    /// <summary>Whether <c>--fraction</c> was given.</summary>
    public bool FractionGiven(ParseResult parse) => parse.GetValue(_fraction) is not null;

    /// <summary>The shock's name on the command line and in JSON: <c>withdraw</c> or <c>fail</c>.</summary>
    public static string Name(CandidateShock shock) => shock == CandidateShock.Withdraw ? "withdraw" : "fail";
}
