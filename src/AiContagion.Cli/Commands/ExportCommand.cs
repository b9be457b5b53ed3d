using AiContagion.Cascades;
using AiContagion.Centrality;
using AiContagion.Flow;
using System.CommandLine;
using System.Globalization;
using AiContagion.Cli.Infrastructure;
using AiContagion.Export;
using AiContagion.Model;

namespace AiContagion.Cli.Commands;

/// <summary>
/// <c>aicontagion export &lt;graph&gt; -o FILE.dot|.gv|.svg|.png|.graphml</c>: a diagram of the graph, with
/// overlays (<c>--overlay cascade|cut|dominators|centrality</c>, combinable) and filters for large graphs
/// (<c>--min-amount</c>, <c>--top</c>). SVG and PNG are rendered by Graphviz <c>dot</c>; without it the DOT file
/// is still written and the message names the package to install (exit 1).
/// </summary>
internal static class ExportCommand
{
    private static readonly string[] OverlayNames = ["cascade", "cut", "dominators", "centrality"];

    public static Command Create(CliContext context) => Create(context, OverlaySources.Instance, renderer: null);

    /// <summary>Creates the command with the given overlay source and Graphviz renderer (tests pass fakes).</summary>
    internal static Command Create(CliContext context, IOverlaySource overlaySource, GraphvizRenderer? renderer)
    {
        var graph = CommonOptions.Graph();
        var output = new Option<string>("--output", "-o")
        {
            Description = "The file to write: .dot or .gv (DOT text), .svg or .png (rendered by Graphviz dot), .graphml (with overlay results as attributes).",
            Required = true,
        };
        var overlay = new Option<string[]>("--overlay")
        {
            Description = "Draw analysis results: cascade, cut, dominators, centrality. Repeat the option or separate with commas.",
            AllowMultipleArgumentsPerToken = false,
        };
        var model = new Option<string?>("--model") { Description = "The cascade model for --overlay cascade (e.g. funding, credit, chain)." };
        var withdraw = new Option<string?>("--withdraw") { Description = "Comma-separated ids of the entities whose withdrawal starts the cascade (--overlay cascade)." };
        var from = new Option<string?>("--from") { Description = "Comma-separated source ids for --overlay cut or dominators (default: every funding source)." };
        var to = new Option<string?>("--to") { Description = "The sink for --overlay cut or dominators: an entity id or a sector." };
        var measure = new Option<string?>("--measure") { Description = "The centrality measure for --overlay centrality (e.g. pagerank, katz, betweenness)." };
        var minimumAmount = new Option<double?>("--min-amount") { Description = "Hide links whose amount is below this (highlighted links stay). Diagrams only." };
        var top = new Option<int?>("--top") { Description = "Show only the N largest links (highlighted links stay). Diagrams only." };
        var title = new Option<string?>("--title") { Description = "The diagram's title (default: the graph's title)." };
        var noLegend = new Option<bool>("--no-legend") { Description = "Leave the legend out." };
        var noLabels = new Option<bool>("--no-labels") { Description = "Leave the link labels out (amounts stay in tooltips)." };
        var json = CommonOptions.Json();
        var command = new Command("export", "Draw a graph as a DOT, SVG or PNG diagram (tiers left to right, colour by sector, width by amount), or export GraphML, with optional overlays.")
        {
            graph, output, overlay, model, withdraw, from, to, measure, minimumAmount, top, title, noLegend, noLabels, json,
        };
        command.SetAction(parse =>
        {
            var target = parse.GetValue(output)!;
            if (!DiagramFile.TryFormatOf(target, out var format))
            {
                throw new CliUsageException($"--output: cannot tell the format of '{target}'; use a .dot, .gv, .svg, .png or .graphml file.");
            }

            var request = new ExportRequest(
                Overlays: ParseOverlays(parse.GetValue(overlay)),
                Model: parse.GetValue(model),
                Withdraw: CommonOptions.SplitList(parse.GetValue(withdraw)),
                From: CommonOptions.SplitList(parse.GetValue(from)),
                To: parse.GetValue(to),
                Measure: parse.GetValue(measure));
            CheckCombination(request, parse.GetValue(minimumAmount), parse.GetValue(top), format);
            var network = CliContext.Load(parse.GetValue(graph)!);
            CheckIds(network, request);
            var overlays = BuildOverlays(network, request, overlaySource, context.CancellationToken);
            var options = new DotOptions
            {
                Overlays = overlays,
                MinimumAmount = parse.GetValue(minimumAmount) ?? 0,
                TopLinks = parse.GetValue(top),
                ShowLegend = !parse.GetValue(noLegend),
                ShowLinkLabels = !parse.GetValue(noLabels),
                Title = parse.GetValue(title),
            };

            DiagramSaveResult result;
            try
            {
                result = DiagramFile.Save(network, target, options, renderer, context.CancellationToken);
            }
            catch (GraphvizNotFoundException missing)
            {
                context.Error.WriteLine("error: " + missing.Message);
                return ExitCodes.Failure;
            }

            if (result.Warnings.Length > 0)
            {
                context.Error.WriteLine("graphviz: " + result.Warnings);
            }

            Report(context, parse.GetValue(json), result, network, request.Overlays);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static List<string> ParseOverlays(string[]? values)
    {
        var overlays = new List<string>();
        foreach (var name in (values ?? []).SelectMany(v => CommonOptions.SplitList(v)))
        {
            var known = OverlayNames.FirstOrDefault(o => string.Equals(o, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new CliUsageException($"--overlay: unknown overlay '{name}'; expected one of {string.Join(", ", OverlayNames)}.");
            if (!overlays.Contains(known))
            {
                overlays.Add(known);
            }
        }

        return overlays;
    }

    private static void CheckCombination(ExportRequest request, double? minimumAmount, int? top, DiagramFormat format)
    {
        bool Has(string overlay) => request.Overlays.Contains(overlay);
        if (minimumAmount is { } amount && (!double.IsFinite(amount) || amount < 0))
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"--min-amount: {amount} is not a finite, non-negative amount."));
        }

        if (top is < 1)
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"--top: {top} must be at least 1."));
        }

        if (format == DiagramFormat.GraphMl && (minimumAmount is not null || top is not null))
        {
            throw new CliUsageException("--min-amount and --top apply to diagrams (.dot, .svg, .png); GraphML keeps every entity and link.");
        }

        if (Has("cascade") && request.Withdraw.Count == 0)
        {
            throw new CliUsageException("--overlay cascade needs --withdraw ID[,ID...] (the entities whose withdrawal starts the cascade).");
        }

        if (!Has("cascade") && (request.Withdraw.Count > 0 || request.Model is not null))
        {
            throw new CliUsageException("--withdraw and --model apply to --overlay cascade.");
        }

        if ((Has("cut") || Has("dominators")) && request.To is null)
        {
            throw new CliUsageException("--overlay cut and --overlay dominators need --to (an entity id or a sector).");
        }

        if (!Has("cut") && !Has("dominators") && (request.From.Count > 0 || request.To is not null))
        {
            throw new CliUsageException("--from and --to apply to --overlay cut or --overlay dominators.");
        }

        if (!Has("centrality") && request.Measure is not null)
        {
            throw new CliUsageException("--measure applies to --overlay centrality.");
        }
    }

    private static void CheckIds(FinancingNetwork network, ExportRequest request)
    {
        foreach (var id in request.Withdraw)
        {
            if (!network.Contains(id))
            {
                throw new CliUsageException($"--withdraw: unknown entity '{id}'.");
            }
        }

        foreach (var id in request.From)
        {
            if (!network.Contains(id))
            {
                throw new CliUsageException($"--from: unknown entity '{id}'.");
            }
        }

        if (request.To is { } sink && !network.Contains(sink) && !SectorFacts.TryParse(sink, out _))
        {
            throw new CliUsageException($"--to: '{sink}' is neither an entity id nor a sector ({SectorFacts.AllNames}).");
        }
    }

    private static DiagramOverlays BuildOverlays(FinancingNetwork network, ExportRequest request, IOverlaySource source, CancellationToken cancellationToken)
    {
        var overlays = DiagramOverlays.None;
        foreach (var name in request.Overlays)
        {
            overlays = name switch
            {
                "cascade" => overlays with { Cascade = source.Cascade(network, request.Model, request.Withdraw, cancellationToken) },
                "cut" => overlays with { Cut = source.Cut(network, request.From, request.To!, cancellationToken) },
                "dominators" => overlays with { Dominators = source.Dominators(network, request.From, request.To!, cancellationToken) },
                _ => overlays with { Centrality = source.Centrality(network, request.Measure, cancellationToken) },
            };
        }

        return overlays;
    }

    private static void Report(CliContext context, bool json, DiagramSaveResult result, FinancingNetwork network, IReadOnlyList<string> overlays)
    {
        if (json)
        {
            JsonOutput.Write(context.Output, w =>
            {
                w.WriteStartObject();
                w.WriteString("output", result.Path);
                w.WriteString("format", result.Format.ToString());
                w.WriteNumber("entitiesShown", result.EntitiesShown);
                w.WriteNumber("entities", network.EntityCount);
                w.WriteNumber("linksShown", result.LinksShown);
                w.WriteNumber("links", network.LinkCount);
                w.WriteStartArray("overlays");
                foreach (var overlay in overlays)
                {
                    w.WriteStringValue(overlay);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
        }
        else
        {
            var with = overlays.Count == 0 ? "" : " with " + string.Join(", ", overlays);
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {result.Path} ({result.Format}){with}: {result.EntitiesShown} of {network.EntityCount} entities, {result.LinksShown} of {network.LinkCount} links"));
        }
    }
}

/// <summary>What <c>export</c> was asked to overlay, checked against the graph before any model runs.</summary>
/// <param name="Overlays">The overlays, in the order asked, without repeats.</param>
/// <param name="Model">The cascade model's name, or <see langword="null"/> for the default.</param>
/// <param name="Withdraw">The entities withdrawn by the cascade's shock.</param>
/// <param name="From">The sources of a cut or dominator tree (empty: every funding source).</param>
/// <param name="To">The sink: an entity id or a sector name.</param>
/// <param name="Measure">The centrality measure, or <see langword="null"/> for the default.</param>
internal sealed record ExportRequest(
    IReadOnlyList<string> Overlays, string? Model, IReadOnlyList<string> Withdraw, IReadOnlyList<string> From, string? To, string? Measure);

/// <summary>
/// Where <c>export</c> gets its overlays: the seam between the command and the models (AiContagion.Cascades,
/// .Flow, .Centrality). Ids have been checked against the network; a bad model or measure name is a
/// <see cref="CliUsageException"/> (exit 2) naming the option.
/// </summary>
internal interface IOverlaySource
{
    /// <summary>Runs the cascade model with the given entities withdrawn.</summary>
    CascadeOverlay Cascade(FinancingNetwork network, string? model, IReadOnlyList<string> withdrawn, CancellationToken cancellationToken);

    /// <summary>The minimum cut between the sources (every funding source when empty) and the sink (entity id or sector).</summary>
    CutOverlay Cut(FinancingNetwork network, IReadOnlyList<string> from, string to, CancellationToken cancellationToken);

    /// <summary>The dominators of the sink (entity id or sector) on funding paths from the sources.</summary>
    DominatorOverlay Dominators(FinancingNetwork network, IReadOnlyList<string> from, string to, CancellationToken cancellationToken);

    /// <summary>A centrality measure's scores.</summary>
    CentralityOverlay Centrality(FinancingNetwork network, string? measure, CancellationToken cancellationToken);
}

/// <summary>
/// The overlay source of this build. The models are merged from their own branches; until each is wired here
/// (one adapter call per method, e.g. <c>CascadeOverlay.From(...)</c>), asking for its overlay is a usage error.
/// </summary>
internal sealed class OverlaySources : IOverlaySource
{
    public static OverlaySources Instance { get; } = new();

    public CascadeOverlay Cascade(FinancingNetwork network, string? model, IReadOnlyList<string> withdrawn, CancellationToken cancellationToken)
    {
        var kind = CascadeModelKind.Funding;
        if (model is not null && !CascadeModels.TryParse(model, out kind))
        {
            throw new CliUsageException($"--model: unknown model '{model}'; expected one of {CascadeModels.AllNames}.");
        }

        if (withdrawn.Count == 0)
        {
            throw new CliUsageException("--overlay cascade needs --withdraw ID[,ID] (the funding sources that withdraw).");
        }

        var cascade = CascadeModels.Create(kind);
        var shock = cascade.Accepts.HasFlag(ShockChannels.Withdrawal) ? CascadeShock.Withdraw(withdrawn) : CascadeShock.Fail(withdrawn);
        return ModelOverlays.Cascade(cascade.Prepare(network).Run(shock, cancellationToken));
    }

    public CutOverlay Cut(FinancingNetwork network, IReadOnlyList<string> from, string to, CancellationToken cancellationToken)
    {
        var flow = MaximumFlow.Compute(network, Sources(from), Sink(network, to), cancellationToken);
        return ModelOverlays.Cut(flow, (from.Count == 0 ? "funding sources" : string.Join(",", from)) + " → " + to);
    }

    public DominatorOverlay Dominators(FinancingNetwork network, IReadOnlyList<string> from, string to, CancellationToken cancellationToken)
    {
        var tree = DominatorTree.Compute(network, Sources(from), cancellationToken);
        return ModelOverlays.Dominators(tree, Sink(network, to).Select(network), to);
    }

    public CentralityOverlay Centrality(FinancingNetwork network, string? measure, CancellationToken cancellationToken)
    {
        var chosen = CentralityMeasure.PageRank;
        if (measure is not null && !CentralityMeasures.TryParse(measure, out chosen))
        {
            throw new CliUsageException($"--measure: unknown measure '{measure}'; expected one of {string.Join(", ", CentralityMeasures.Names)}.");
        }

        var scores = CentralityMeasures.Compute(network, chosen, cancellationToken);
        if (!scores.Converged)
        {
            throw new InvalidOperationException($"{scores.Measure} did not converge in {scores.Iterations} iterations; run 'aicontagion centrality' to tune it.");
        }

        return ModelOverlays.Centrality(scores);
    }

    private static EntitySelection Sources(IReadOnlyList<string> from) => from.Count == 0 ? EntitySelection.FundingSources : EntitySelection.Of(from);

    /// <summary>An entity id wins over a sector of the same name (the toy chain has an entity called chipmaker).</summary>
    private static EntitySelection Sink(FinancingNetwork network, string to) =>
        !network.Contains(to) && SectorFacts.TryParse(to, out var sector) ? EntitySelection.InSector(sector) : EntitySelection.Of(to);
}
