using System.CommandLine;
using System.Globalization;
using AiContagion.Cli.Commands.Value;
using AiContagion.Cli.Infrastructure;
using AiContagion.Valuation;

namespace AiContagion.Cli.Commands;

/// <summary>
/// <c>aicontagion value &lt;graph&gt; [--external-shock ID=f | --external-shock-all f | --external-shock-sector S=f]
/// [--external-liabilities senior|first|junior] [--eisenberg-noe] [--sensitivities [--wrt ID,..]] [--top N]
/// [--json [--detail]] [--output FILE]</c>: the cross-holdings valuation (value, equity, net worth, default and debt
/// paid of every entity, with seniority layers and equity stakes), and its systemic greeks.
/// </summary>
internal static class ValueCommand
{
    /// <summary>Above this many entities <c>--sensitivities</c> needs <c>--wrt</c> (each column costs about one valuation).</summary>
    public const int AllColumnsLimit = 1_000;

    public static Command Create(CliContext context)
    {
        var graph = new GraphArgument();
        var shock = new ExternalShockOptions();
        var external = new Option<ExternalLiabilityRank?>("--external-liabilities")
        {
            Description = "Where external liabilities rank: senior (default: pari passu with senior network debt), first (paid before any network debt) or junior (with junior network debt, after the senior).",
            HelpName = "senior|first|junior",
            CustomParser = result => OptionParsing.ParseOne(result, (option, text) => (ExternalLiabilityRank?)(text.Trim().ToLowerInvariant() switch
            {
                "senior" => ExternalLiabilityRank.WithSenior,
                "first" => ExternalLiabilityRank.First,
                "junior" => ExternalLiabilityRank.WithJunior,
                _ => throw new CliUsageException($"{option}: unknown rank '{text}' (expected senior, first or junior)."),
            })),
        };
        var eisenbergNoe = new Option<bool>("--eisenberg-noe")
        {
            Description = "Value as Eisenberg–Noe: no equity stakes, one layer (junior debt ranks with senior); debt paid is then the clearing vector.",
        };
        var sensitivities = new Option<bool>("--sensitivities")
        {
            Description = "Also the systemic greeks: how every entity's value, equity and debt value move per unit of an entity's external assets (JSON: sensitivities.value/equity/debtValue, entity -> entity -> derivative; zeros left out).",
        };
        var wrt = new IdListOption("--wrt", "With --sensitivities: the entities whose external assets vary (default: every entity, up to " + Readable.Count(AllColumnsLimit) + ").");
        var results = new ResultOptions(
            "Rows of the entity table, lowest net worth first (default 20).",
            OutputFileOption.ForRows("one row per entity, in network order; columns: " + ValueReport.Rows.Help + "."));
        var command = new Command(
            "value",
            "Value every firm with cross-holdings: external assets + what its debtors pay (seniority layers: senior first, then junior, then equity) + its shares of others' equity; the greatest fixed point, its convergence, and the systemic greeks.")
        {
            graph,
        };
        shock.AddTo(command);
        command.Options.Add(external);
        command.Options.Add(eisenbergNoe);
        command.Options.Add(sensitivities);
        command.Options.Add(wrt);
        results.AddTo(command);
        command.SetAction(parse =>
        {
            var request = results.Read(parse);
            shock.Check(parse);
            var greeks = parse.GetValue(sensitivities);
            if (!greeks && wrt.Ids(parse).Count > 0)
            {
                throw new CliUsageException("--wrt applies to --sensitivities (the entities whose external assets vary).");
            }

            var options = (parse.GetValue(eisenbergNoe) ? ValuationOptions.EisenbergNoe : new ValuationOptions()) with
            {
                ExternalLiabilities = parse.GetValue(external) ?? ExternalLiabilityRank.WithSenior,
            };
            var network = graph.Load(parse, context);
            var (losses, description) = shock.Build(parse, network);
            IReadOnlyList<string>? columns = null;
            if (greeks)
            {
                columns = wrt.Entities(parse, network);
                if (columns.Count == 0 && network.EntityCount > AllColumnsLimit)
                {
                    throw new CliUsageException(string.Create(CultureInfo.InvariantCulture,
                        $"--sensitivities: the network has {Readable.Count(network.EntityCount)} entities; name the external assets that vary with --wrt ID,.. (each one costs about one valuation; every entity is taken only up to {Readable.Count(AllColumnsLimit)})."));
                }
            }

            var model = new CrossHoldingsValuation(network, options);
            var result = model.Value(losses, context.CancellationToken);
            var greeksResult = greeks ? model.Sensitivities(result, columns!.Count == 0 ? null : columns, context.CancellationToken) : null;
            if (request.OutputPath is { } path)
            {
                ValueReport.Rows.Write(path, result.Entities.Select(e => (e, network.Entities[e.Index])));
            }

            ValueReport.Write(context, request, model, result, description, parse.GetValue(eisenbergNoe), greeksResult);
            return ExitCodes.Ok;
        });
        return command;
    }
}
