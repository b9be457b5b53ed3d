using System.CommandLine;
using System.Globalization;
using AiContagion.Centrality;
using AiContagion.Cli.Infrastructure;
using AiContagion.Model;

namespace AiContagion.Cli.Commands.Centrality;

/// <summary>
/// The measures' parameters: <c>--damping</c>, <c>--attenuation</c>, <c>--direction</c>, <c>--cost</c>, <c>--weighted</c>,
/// <c>--samples</c>, <c>--seed</c>, <c>--tolerance</c>, <c>--max-iterations</c>. Values are checked while parsing; a
/// parameter the chosen measure does not read is an error. (<c>--alpha</c>, Katz's old spelling, is read but hidden:
/// elsewhere <c>--alpha</c> is the Rogers–Veraart share.)
/// </summary>
internal sealed class CentralityParameters
{
    private readonly FractionOption _damping = new("--damping", "PageRank damping factor in [0, 1] (default 0.85).");

    private readonly PositiveNumberOption _attenuation = new("--attenuation", "Katz attenuation factor α > 0 (default 0.1; below 1/λmax for convergence).");

    private readonly PositiveNumberOption _legacyAlpha = new("--alpha", "Katz attenuation factor (old spelling of --attenuation).") { Hidden = true };

    private readonly Option<CentralityDirection?> _direction = new("--direction")
    {
        Description = "receiving (default: important when important entities pay it; in-strength) or paying (important when it pays important entities; out-strength).",
        HelpName = "receiving|paying",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => (CentralityDirection?)(text.Trim().ToLowerInvariant() switch
        {
            "receiving" => CentralityDirection.Receiving,
            "paying" => CentralityDirection.Paying,
            _ => throw new CliUsageException($"{option}: unknown direction '{text}' (expected receiving or paying)."),
        })),
    };

    private readonly Option<PathCost?> _cost = new("--cost")
    {
        Description = "Betweenness/harmonic link length: hops (default) or inverse-amount (1/amount: thick money is short).",
        HelpName = "hops|inverse-amount",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => (PathCost?)(text.Trim().ToLowerInvariant() switch
        {
            "hops" => PathCost.Hops,
            "inverse-amount" or "inverseamount" => PathCost.InverseAmount,
            _ => throw new CliUsageException($"{option}: unknown path cost '{text}' (expected hops or inverse-amount)."),
        })),
    };

    private readonly Option<bool?> _weighted = new("--weighted") { Description = "Weight PageRank/eigenvector/Katz by link amounts (default: true, false for Katz)." };

    private readonly CountOption _samples = new("--samples", "Betweenness: estimate from this many sampled sources instead of all.");

    private readonly SeedOption _seed = new("0, betweenness's sample only");

    private readonly PositiveNumberOption _tolerance = new("--tolerance", "PageRank/eigenvector/Katz: stop when the l1 change is below n × tolerance (default 1e-6).");

    private readonly CountOption _maxIterations = new("--max-iterations", "PageRank/eigenvector/Katz: iteration cap (default 100; Katz 1000).");

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _damping, _attenuation, _legacyAlpha, _direction, _cost, _weighted, _samples, _seed, _tolerance, _maxIterations })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Checks that every parameter given applies to the measure (before any graph is read).</summary>
    public void Check(ParseResult parse, CentralityMeasure measure)
    {
        var name = MeasureOption.CommandName(measure);
        void OnlyFor(Option option, params string[] measures)
        {
            if (OptionParsing.Given(parse, option) && !measures.Contains(name))
            {
                throw new CliUsageException($"{OptionParsing.NameOf(parse, option)} applies to {string.Join("/", measures)}, not to {name}.");
            }
        }

        OnlyFor(_damping, "pagerank");
        OnlyFor(_attenuation, "katz");
        OnlyFor(_legacyAlpha, "katz");
        OnlyFor(_direction, "strength", "pagerank", "eigenvector", "katz", "harmonic");
        OnlyFor(_cost, "betweenness", "harmonic");
        OnlyFor(_weighted, "pagerank", "eigenvector", "katz");
        OnlyFor(_samples, "betweenness");
        OnlyFor(_seed, "betweenness");
        OnlyFor(_tolerance, "pagerank", "eigenvector", "katz");
        OnlyFor(_maxIterations, "pagerank", "eigenvector", "katz");
        if (parse.GetValue(_attenuation) is not null && parse.GetValue(_legacyAlpha) is not null)
        {
            throw new CliUsageException("--attenuation and --alpha: give one (the second is its old spelling).");
        }

        if (parse.GetValue(_seed) is < int.MinValue or > int.MaxValue)
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"--seed: {parse.GetValue(_seed)} must lie in [{int.MinValue}, {int.MaxValue}] for betweenness."));
        }
    }

    /// <summary>Computes the measure with the parameters given (library defaults otherwise).</summary>
    public CentralityScores Compute(ParseResult parse, CentralityMeasure measure, FinancingNetwork network, CliContext context)
    {
        var direction = parse.GetValue(_direction) ?? CentralityDirection.Receiving;
        var cost = parse.GetValue(_cost) ?? PathCost.Hops;
        var token = context.CancellationToken;
        try
        {
            return measure switch
            {
                CentralityMeasure.Strength => StrengthCentrality.Compute(network, direction),
                CentralityMeasure.PageRank => PageRank.Compute(network, PageRankOptions(parse, new PageRankOptions { Direction = direction }), token),
                CentralityMeasure.Eigenvector => EigenvectorCentrality.Compute(network, new EigenvectorOptions
                {
                    Direction = direction,
                    Weighted = parse.GetValue(_weighted) ?? true,
                    Tolerance = parse.GetValue(_tolerance) ?? 1e-6,
                    MaxIterations = parse.GetValue(_maxIterations) ?? 100,
                }, token),
                CentralityMeasure.Katz => KatzCentrality.Compute(network, new KatzOptions
                {
                    Direction = direction,
                    Alpha = parse.GetValue(_attenuation) ?? parse.GetValue(_legacyAlpha) ?? 0.1,
                    Weighted = parse.GetValue(_weighted) ?? false,
                    Tolerance = parse.GetValue(_tolerance) ?? 1e-6,
                    MaxIterations = parse.GetValue(_maxIterations) ?? 1000,
                }, token),
                CentralityMeasure.Betweenness => BetweennessCentrality.Compute(network, new BetweennessOptions
                {
                    Cost = cost,
                    Samples = parse.GetValue(_samples),
                    Seed = (int)_seed.Seed(parse, 0),
                }, token),
                CentralityMeasure.DebtRank => DebtRankImpact.Compute(network, null, token),
                CentralityMeasure.ImpactSusceptibility or CentralityMeasure.ImpactFluidity or CentralityMeasure.ImpactDiffusion => CentralityMeasures.Compute(network, measure, token),
                _ => HarmonicCentrality.Compute(network, new HarmonicOptions { Cost = cost, Direction = direction }, token),
            };
        }
        catch (ArgumentOutOfRangeException e)
        {
            var got = e.ActualValue is IFormattable value ? "; got " + value.ToString(null, CultureInfo.InvariantCulture) : "";
            throw new CliUsageException($"--{OptionName(e.ParamName)}: {e.Message.Split(" (Parameter", 2)[0].TrimEnd('.')}{got}.", e);
        }
    }

    private PageRankOptions PageRankOptions(ParseResult parse, PageRankOptions options) => options with
    {
        Damping = parse.GetValue(_damping) ?? options.Damping,
        Weighted = parse.GetValue(_weighted) ?? options.Weighted,
        Tolerance = parse.GetValue(_tolerance) ?? options.Tolerance,
        MaxIterations = parse.GetValue(_maxIterations) ?? options.MaxIterations,
    };

    private static string OptionName(string? parameter) => parameter switch
    {
        "Damping" => "damping",
        "Alpha" => "attenuation",
        "Tolerance" => "tolerance",
        "MaxIterations" => "max-iterations",
        "Samples" => "samples",
        _ => (parameter ?? "option").ToLowerInvariant(),
    };
}
