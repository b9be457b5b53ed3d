using System.CommandLine;
using AiContagion.Cli.Infrastructure;
using AiContagion.Stress;

namespace AiContagion.Cli.Commands.Stress;

/// <summary>
/// <c>--external-shock-distribution beta:a,b|lognormal:mu,sigma</c> and <c>--external-scope common|entity</c>: a random
/// loss of external assets in each stress trial. (<c>--external-shock</c> is the fixed loss <c>ID=f</c> of one run in
/// <c>cascade</c>; stress still reads its old spelling <c>--external-shock DIST:a,b</c>, hidden from the help.)
/// </summary>
internal sealed class ExternalShockDistributionOptions
{
    private readonly Option<string?> _distribution = new("--external-shock-distribution")
    {
        Description = "Random loss of external assets in each trial: beta:a,b or lognormal:mu,sigma (capped to 1).",
        HelpName = "beta:a,b|lognormal:mu,sigma",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => Parse(option, text, ExternalShockScope.Common) is not null ? text : null),
    };

    private readonly Option<string?> _legacy = new("--external-shock")
    {
        Hidden = true,
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => Parse(option, text, ExternalShockScope.Common) is not null ? text : null),
    };

    private readonly Option<ExternalShockScope?> _scope = new("--external-scope")
    {
        Description = "'common' (default): one loss fraction per trial for every entity; 'entity': one per entity.",
        HelpName = "common|entity",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => (ExternalShockScope?)(text.Trim().ToLowerInvariant() switch
        {
            "common" => ExternalShockScope.Common,
            "entity" or "per-entity" => ExternalShockScope.PerEntity,
            _ => throw new CliUsageException($"{option}: '{text}' should be 'common' or 'entity'."),
        })),
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_distribution);
        command.Options.Add(_legacy);
        command.Options.Add(_scope);
    }

    /// <summary>The random external shock, or <see langword="null"/> when none was asked for.</summary>
    public ExternalAssetShock? Read(ParseResult parse)
    {
        var given = parse.GetValue(_distribution);
        var legacy = parse.GetValue(_legacy);
        if (given is not null && legacy is not null)
        {
            throw new CliUsageException("--external-shock-distribution and --external-shock: give one (the second is its old spelling).");
        }

        var option = given is not null ? OptionParsing.NameOf(parse, _distribution) : OptionParsing.NameOf(parse, _legacy);
        return (given ?? legacy) is { } text ? Parse(option, text, parse.GetValue(_scope) ?? ExternalShockScope.Common) : null;
    }

    private static ExternalAssetShock Parse(string option, string text, ExternalShockScope scope)
    {
        try
        {
            return ExternalAssetShock.Parse(text, scope);
        }
        catch (FormatException e)
        {
            throw new CliUsageException($"{option}: {e.Message}");
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new CliUsageException($"{option}: '{text}': {e.Message.Split(" (Parameter")[0]}");
        }
    }
}
