using System.CommandLine;
using AiContagion.Cli.Infrastructure;
using AiContagion.Stress;

namespace AiContagion.Cli.Commands.Stress;

/// <summary>The Gai–Kapadia experiment's settings: <c>--n</c>, <c>--trials</c>, <c>--seed</c>, <c>--z-max</c>, <c>--capital</c>, <c>--interbank</c>, <c>--threads</c>.</summary>
internal sealed class GaiKapadiaOptionsReader
{
    private readonly CountOption _banks = new("--n", "Banks per network (default 1000, at least 2).");

    private readonly TrialsOption _trials = new("Networks drawn per average degree", 1000, int.MaxValue);

    private readonly SeedOption _seed = new("1");

    private readonly Option<int> _zMax = new("--z-max")
    {
        Description = "Sweep the average degree z = 0, 1, …, Z (default 15).",
        HelpName = "Z",
        DefaultValueFactory = _ => 15,
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => (int)OptionValues.Integer(option, text, 0, int.MaxValue - 1)),
    };

    private readonly FractionOption _capital = new("--capital", "Capital as a share of total assets (default 0.04).");

    private readonly FractionOption _interbank = new("--interbank", "Interbank assets as a share of total assets (default 0.20).");

    private readonly ThreadsOption _threads = new("trials");

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _banks, _trials, _seed, _zMax, _capital, _interbank, _threads })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The experiment's options, checked together.</summary>
    public GaiKapadiaExperimentOptions Read(ParseResult parse)
    {
        var n = parse.GetValue(_banks) ?? 1000;
        var top = parse.GetValue(_zMax);
        if (n < 2)
        {
            throw new CliUsageException($"--n: {n} must be at least 2.");
        }

        if (top > n - 1)
        {
            throw new CliUsageException($"--z-max: {top} must lie in [0, n − 1 = {n - 1}].");
        }

        var count = parse.GetValue(_trials);
        if ((long)count * (top + 1) > int.MaxValue)
        {
            throw new CliUsageException("--trials: too many trials in all.");
        }

        return new GaiKapadiaExperimentOptions
        {
            Banks = n,
            TrialsPerDegree = count,
            Seed = _seed.Seed(parse, 1),
            AverageDegrees = [.. Enumerable.Range(0, top + 1).Select(z => (double)z)],
            CapitalRatio = _capital.Value(parse, 0.04),
            InterbankAssetShare = _interbank.Value(parse, 0.20),
            MaxDegreeOfParallelism = _threads.MaxDegreeOfParallelism(parse),
        };
    }
}
