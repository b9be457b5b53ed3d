using System.CommandLine;
using System.Globalization;
using AiContagion.Cascades;
using AiContagion.Cli.Commands.Runway;
using AiContagion.Cli.Infrastructure;
using AiContagion.Export;
using AiContagion.Flow;
using AiContagion.Model;

namespace AiContagion.Cli.Commands;

/// <summary>
/// <c>aicontagion export &lt;graph&gt; -o FILE.dot|.gv|.svg|.png|.graphml</c>: a picture of the graph. <c>--view chain</c>
/// (default) draws the tiered chain (<see cref="ChainDiagram"/>): with <c>--focus ID</c> the neighbourhood of a firm, with
/// <c>--overlay cascade</c> what the cascade touched; <c>--overlay cut</c> and <c>dominators</c> draw on it too.
/// <c>--view core</c> draws the largest firms on a hub layout, <c>--view sankey</c> the money by tier, and
/// <c>--view network</c> every link with every overlay (the 0.1 writer; also what a <c>.graphml</c> file holds). The
/// cascade overlay takes the model and shock options of <c>cascade</c>. SVG and PNG are rendered by Graphviz
/// <c>dot</c> and must pass the readability rule (<c>--fit</c>); without <c>dot</c> the DOT file is still written and
/// the message names the package to install (exit 1).
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context) => Create(context, OverlaySources.Instance, renderer: null);

    /// <summary>Creates the command with the given overlay source and Graphviz renderer (tests pass fakes).</summary>
    internal static Command Create(CliContext context, IOverlaySource overlaySource, GraphvizRenderer? renderer)
    {
        var graph = new GraphArgument();
        var output = new OutputFileOption(
            "The file to write: .dot or .gv (DOT text), .svg or .png (rendered by Graphviz dot), .graphml (with overlay results as attributes).",
            [".dot", ".gv", ".svg", ".png", ".graphml"],
            path => DiagramFile.TryFormatOf(path, out _),
            "--output",
            "-o") { Required = true };
        var overlays = new OverlayOptions();
        var models = new ModelOptions();
        var shocks = new ShockOptions();
        var from = new EntitySelectionOption("--from", "Where money paths start for --overlay cut or dominators: funding (default), sector:NAME, or ID[,ID].");
        var to = new EntitySelectionOption("--to", "Where they end for --overlay cut or dominators: an entity id, a sector, sector:NAME or ID[,ID].");
        var measure = new MeasureOption("The centrality measure for --overlay centrality (default pagerank).");
        var filters = new DiagramOptions();
        var views = new ExportViewOptions();
        var json = new JsonOption();
        var command = new Command("export", "Draw a graph as a DOT, SVG or PNG picture (the tiered chain by default; also its core, a Sankey of money by tier, or every link), or export GraphML, with optional overlays.")
        {
            graph, output,
        };
        views.AddTo(command);
        overlays.AddTo(command);
        models.AddTo(command);
        shocks.AddTo(command);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(measure);
        filters.AddTo(command);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var target = parse.GetValue(output)!;
            var format = DiagramFile.FormatOf(target);
            var view = views.View(parse, format);
            var chosen = overlays.Check(parse, models, shocks, from, to, measure);
            OverlayOptions.CheckView(chosen, view);
            var options = filters.Read(parse, format, view);
            var network = graph.Load(parse, context);
            views.CheckFocus(parse, network);
            var drawn = overlays.Build(parse, network, overlaySource, models, shocks, from, to, measure, context.CancellationToken);
            if (view == ExportView.Network)
            {
                return DiagramReport.Save(context, parse.GetValue(json), network, target, options with { Overlays = drawn }, chosen, renderer, overlays.RunwayAssumptions);
            }

            var chain = views.Chain(parse, options.MinimumAmount > 0 || filters.MinimumGiven(parse) ? options.MinimumAmount : null, options.Title)
                with { Cascade = drawn.Cascade, Cut = drawn.Cut, Dominators = drawn.Dominators };
            return ChainPictureReport.Save(context, parse.GetValue(json), network, target, view, chain, views.Fit(parse), chosen, renderer);
        });
        return command;
    }
}

/// <summary><c>--min-amount</c>, <c>--top</c>, <c>--title</c>, <c>--no-legend</c>, <c>--no-labels</c>: what a diagram shows.</summary>
internal sealed class DiagramOptions
{
    private readonly Option<double?> _minimumAmount = new("--min-amount")
    {
        Description = "Hide links whose amount is below this (highlighted links stay). Diagrams only.",
        HelpName = "X",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) =>
        {
            var amount = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;
            return double.IsFinite(amount) && amount >= 0 ? (double?)amount : throw new CliUsageException($"{option}: {text} is not a finite, non-negative amount.");
        }),
    };

    private readonly TopOption _top = new("Draw only the N largest links (highlighted links stay). Diagrams only; default: every link.");

    private readonly Option<string?> _title = new("--title") { Description = "The diagram's title (default: the graph's title)." };

    private readonly Option<bool> _noLegend = new("--no-legend") { Description = "Leave the legend out." };

    private readonly Option<bool> _noLabels = new("--no-labels") { Description = "Leave the link labels out (amounts stay in tooltips)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _minimumAmount, _top, _title, _noLegend, _noLabels })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Whether --min-amount was given.</summary>
    public bool MinimumGiven(ParseResult parse) => parse.GetValue(_minimumAmount) is not null;

    /// <summary>The diagram options (without overlays); filters on a GraphML file are an error, and so are the network view's options on another view.</summary>
    public DotOptions Read(ParseResult parse, DiagramFormat format, ExportView view)
    {
        if (format == DiagramFormat.GraphMl && (parse.GetValue(_minimumAmount) is not null || parse.GetValue(_top) is not null))
        {
            throw new CliUsageException("--min-amount and --top apply to diagrams (.dot, .svg, .png); GraphML keeps every entity and link.");
        }

        if (view != ExportView.Network)
        {
            foreach (var (given, name) in new[] { (parse.GetValue(_top) is not null, "--top"), (parse.GetValue(_noLegend), "--no-legend"), (parse.GetValue(_noLabels), "--no-labels") })
            {
                if (given)
                {
                    throw new CliUsageException($"{name} applies to --view network; the chain view shows labels on arrows of at least --label-min.");
                }
            }

            if (view is ExportView.Core or ExportView.Sankey && parse.GetValue(_minimumAmount) is not null)
            {
                throw new CliUsageException($"--min-amount applies to --view chain and --view network.");
            }
        }

        return new DotOptions
        {
            MinimumAmount = parse.GetValue(_minimumAmount) ?? 0,
            TopLinks = parse.GetValue(_top),
            ShowLegend = !parse.GetValue(_noLegend),
            ShowLinkLabels = !parse.GetValue(_noLabels),
            Title = parse.GetValue(_title),
        };
    }
}

/// <summary>Saves the diagram and reports what it shows (a line, or JSON).</summary>
internal static class DiagramReport
{
    public static int Save(CliContext context, bool json, FinancingNetwork network, string target, DotOptions options, IReadOnlyList<string> overlays, GraphvizRenderer? renderer, RunwayAssumptions? runway = null)
    {
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
                w.WriteStrings("overlays", overlays);
                if (runway is not null)
                {
                    RunwayText.WriteAssumptions(w, runway);
                }

                w.WriteEndObject();
            });
        }
        else
        {
            var with = overlays.Count == 0 ? "" : " with " + string.Join(", ", overlays);
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {result.Path} ({result.Format}){with}: {result.EntitiesShown} of {network.EntityCount} entities, {result.LinksShown} of {network.LinkCount} links"));
            if (runway is not null)
            {
                RunwayText.WriteNotes(context.Output, runway);
            }
        }

        return ExitCodes.Ok;
    }
}

/// <summary>
/// <c>--overlay cascade|cut|dominators|centrality</c> (repeatable or comma-separated): which analyses to draw, and the
/// checks that tie each overlay to its options (model and shock options to the cascade, <c>--from</c>/<c>--to</c> to
/// the cut and dominators, <c>--measure</c> to centrality) before any graph is read.
/// </summary>
internal sealed class OverlayOptions
{
    private static readonly string[] Names = ["cascade", "cut", "dominators", "centrality"];

    private readonly Option<string[]> _overlay = new("--overlay")
    {
        Description = "Draw analysis results: cascade (takes cascade's --model, model and shock options), cut and dominators (--from, --to), centrality (--measure). Repeat the option or separate with commas.",
        HelpName = "cascade|cut|dominators|centrality",
        AllowMultipleArgumentsPerToken = false,
        CustomParser = result => OptionParsing.Parse(result, (option, tokens) =>
        {
            var overlays = new List<string>();
            foreach (var name in OptionValues.Parts(tokens))
            {
                var known = Names.FirstOrDefault(o => string.Equals(o, name, StringComparison.OrdinalIgnoreCase))
                    ?? throw new CliUsageException($"{option}: unknown overlay '{name}'; expected one of {string.Join(", ", Names)}.");
                if (!overlays.Contains(known))
                {
                    overlays.Add(known);
                }
            }

            return overlays.ToArray();
        }),
    };

    public void AddTo(Command command) => command.Options.Add(_overlay);

    /// <summary>After <see cref="Build"/> with <c>--overlay cascade --model runway</c>: the defaults the run relied on (every output states them).</summary>
    public RunwayAssumptions? RunwayAssumptions { get; private set; }

    /// <summary>Checks that a view can draw the overlays asked for: the chain view draws cascade, cut and dominators; core and sankey none; network all.</summary>
    public static void CheckView(IReadOnlyList<string> overlays, ExportView view)
    {
        var refused = view switch
        {
            ExportView.Chain => overlays.Where(o => o == "centrality").ToList(),
            ExportView.Core or ExportView.Sankey => [.. overlays],
            _ => [],
        };
        if (refused.Count > 0)
        {
            throw new CliUsageException($"--overlay {string.Join(",", refused)} is not drawn on --view {view.ToString().ToLowerInvariant()}; use --view network{(view == ExportView.Chain ? "" : " or --view chain")}.");
        }
    }

    /// <summary>The overlays asked for, in order, each once; every option given must serve one of them.</summary>
    public IReadOnlyList<string> Check(ParseResult parse, ModelOptions models, ShockOptions shocks, EntitySelectionOption from, EntitySelectionOption to, MeasureOption measure)
    {
        var overlays = parse.GetValue(_overlay) ?? [];
        bool Has(string overlay) => overlays.Contains(overlay);
        var cascadeOptions = shocks.Given(parse).Concat(models.Given(parse)).ToList();
        if (Has("cascade"))
        {
            if (shocks.Given(parse).Count == 0)
            {
                throw new CliUsageException("--overlay cascade needs --withdraw ID[,ID...] or another shock option (--fail, --distress, --distress-all, --external-shock, --external-shock-all, --external-shock-sector).");
            }

            _ = models.Settings(parse);
            shocks.Check(parse);
        }
        else if (cascadeOptions.Count > 0)
        {
            throw new CliUsageException($"--withdraw and --model apply to --overlay cascade, as does every model and shock option; given without it: {string.Join(", ", cascadeOptions)}.");
        }

        if ((Has("cut") || Has("dominators")) && !to.Given(parse))
        {
            throw new CliUsageException("--overlay cut and --overlay dominators need --to (an entity id or a sector).");
        }

        if (!Has("cut") && !Has("dominators") && (from.Given(parse) || to.Given(parse)))
        {
            throw new CliUsageException("--from and --to apply to --overlay cut or --overlay dominators.");
        }

        if (!Has("centrality") && parse.GetValue(measure) is not null)
        {
            throw new CliUsageException("--measure applies to --overlay centrality.");
        }

        return overlays;
    }

    /// <summary>Runs the analyses behind the overlays asked for (ids checked against the network first).</summary>
    public DiagramOverlays Build(ParseResult parse, FinancingNetwork network, IOverlaySource source, ModelOptions models, ShockOptions shocks, EntitySelectionOption from, EntitySelectionOption to, MeasureOption measure, CancellationToken cancellationToken)
    {
        var overlays = parse.GetValue(_overlay) ?? [];
        var shock = overlays.Contains("cascade") ? shocks.Build(parse, network) : null;
        var sources = from.Resolve(parse, network, EntitySelection.FundingSources)!;
        var sink = to.Resolve(parse, network);
        var drawn = DiagramOverlays.None;
        var model = overlays.Contains("cascade") ? models.Build(parse) : null;
        RunwayAssumptions = (model as RunwayCascade)?.Assumptions(network);
        foreach (var name in overlays)
        {
            drawn = name switch
            {
                "cascade" => drawn with { Cascade = source.Cascade(network, model!, shock!.Shock, cancellationToken) },
                "cut" => drawn with { Cut = source.Cut(network, sources, sink!, cancellationToken) },
                "dominators" => drawn with { Dominators = source.Dominators(network, sources, sink!, cancellationToken) },
                _ => drawn with { Centrality = source.Centrality(network, parse.GetValue(measure) ?? AiContagion.Centrality.CentralityMeasure.PageRank, cancellationToken) },
            };
        }

        return drawn;
    }
}
