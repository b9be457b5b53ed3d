using System.CommandLine;
using System.Globalization;
using AiContagion.Cli.Infrastructure;
using AiContagion.Export;

namespace AiContagion.Cli.Commands;

/// <summary>The views <c>export --view</c> draws.</summary>
internal enum ExportView
{
    /// <summary>The tiered chain (default); with --focus the neighbourhood of a firm, with --overlay cascade what the cascade touched.</summary>
    Chain,

    /// <summary>The circular core of the largest firms (neato).</summary>
    Core,

    /// <summary>The Sankey of money by tier.</summary>
    Sankey,

    /// <summary>Every entity and link, one edge per link (the writer of 0.1); every overlay.</summary>
    Network,
}

/// <summary>
/// <c>--view</c>, <c>--focus</c>, <c>--depth</c>, <c>--core</c>, <c>--label-min</c>, <c>--group-funders</c>, <c>--fit</c>: which
/// picture <c>export</c> draws and the readability rule it must pass.
/// </summary>
internal sealed class ExportViewOptions
{
    private readonly Option<string?> _view = new("--view")
    {
        Description = "Which picture: chain (default: tiers as columns, links summed per payer, recipient and kind; with --focus or --overlay cascade only that part), core (the largest firms on a hub layout), sankey (money by tier), network (every link, one edge each; every overlay).",
        HelpName = "chain|core|sankey|network",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => Enum.GetNames<ExportView>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase))?.ToLowerInvariant()
            ?? throw new CliUsageException($"{option}: unknown view '{text}'; expected chain, core, sankey or network.")),
    };

    private readonly Option<string?> _focus = new("--focus") { Description = "Draw only the firms within --depth links of this entity (chain view).", HelpName = "ID" };

    private readonly CountOption _depth = new("--depth", "How many links away from --focus to draw (default 1, at most 10).", 10);

    private readonly Option<int?> _core = new("--core")
    {
        Description = "Draw the N largest firms by money in and out on a hub layout (the core view; default 14, from 2 to 60).",
        HelpName = "N",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => (int?)OptionValues.Integer(option, text, 2, 60)),
    };

    private readonly Option<double?> _labelMinimum = new("--label-min")
    {
        Description = "Arrows at least this large carry an amount label (chain view; default 10).",
        HelpName = "X",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) =>
        {
            var amount = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;
            return double.IsFinite(amount) && amount >= 0 ? (double?)amount : throw new CliUsageException($"{option}: {text} is not a finite, non-negative amount.");
        }),
    };

    private readonly Option<bool> _groupFunders = new("--group-funders") { Description = "Draw anonymous syndicates, markets and crowds of lenders as one node per kind (chain view)." };

    private readonly Option<string?> _fit = new("--fit")
    {
        Description = "The readability rule for .svg and .png: by default the picture must print with text of at least 7 pt on A3, or nothing is written; --fit a3 (or a4) raises the threshold (the core: draws fewer firms) until it does; --fit none skips the check.",
        HelpName = "a3|a4|none",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => text.ToLowerInvariant() is "a3" or "a4" or "none"
            ? text.ToLowerInvariant()
            : throw new CliUsageException($"{option}: '{text}' is not a3, a4 or none.")),
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _view, _focus, _depth, _core, _labelMinimum, _groupFunders, _fit })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The view asked for: --view, else core when --core is given, else chain.</summary>
    public ExportView View(ParseResult parse, DiagramFormat format)
    {
        var view = parse.GetValue(_view) is { } asked ? Enum.Parse<ExportView>(asked, ignoreCase: true) : parse.GetValue(_core) is not null ? ExportView.Core : ExportView.Chain;
        if (format == DiagramFormat.GraphMl && parse.GetValue(_view) is not null && view != ExportView.Network)
        {
            throw new CliUsageException($"--view {view.ToString().ToLowerInvariant()} draws a picture; a .graphml file keeps every entity and link (--view network).");
        }

        if (format == DiagramFormat.GraphMl)
        {
            view = ExportView.Network;
        }

        if (view == ExportView.Sankey && format is not (DiagramFormat.Svg or DiagramFormat.Png))
        {
            throw new CliUsageException("--view sankey writes .svg or .png.");
        }

        if (parse.GetValue(_core) is not null && view != ExportView.Core)
        {
            throw new CliUsageException("--core applies to --view core.");
        }

        if (view != ExportView.Chain)
        {
            foreach (var (given, name) in new[] { (parse.GetValue(_focus) is not null, "--focus"), (parse.GetValue(_depth) is not null, "--depth"), (parse.GetValue(_labelMinimum) is not null, "--label-min"), (parse.GetValue(_groupFunders), "--group-funders") })
            {
                if (given)
                {
                    throw new CliUsageException($"{name} applies to --view chain.");
                }
            }
        }

        if (parse.GetValue(_depth) is not null && parse.GetValue(_focus) is null)
        {
            throw new CliUsageException("--depth applies to --focus.");
        }

        if (parse.GetValue(_fit) is not null && (view == ExportView.Network || format is not (DiagramFormat.Svg or DiagramFormat.Png)))
        {
            throw new CliUsageException("--fit applies to .svg and .png pictures of the chain, core and sankey views.");
        }

        return view;
    }

    /// <summary>The chain options (without overlays).</summary>
    public ChainDiagramOptions Chain(ParseResult parse, double? minimumAmount, string? title) => new()
    {
        MinimumAmount = minimumAmount,
        LabelMinimum = parse.GetValue(_labelMinimum) ?? 10,
        GroupFunders = parse.GetValue(_groupFunders),
        Focus = parse.GetValue(_focus),
        Depth = parse.GetValue(_depth) ?? 1,
        CoreSize = parse.GetValue(_core) ?? 14,
        Title = title,
    };

    /// <summary>The readability rule.</summary>
    public PictureFit Fit(ParseResult parse) => parse.GetValue(_fit) switch
    {
        "none" => PictureFit.None,
        "a3" => PictureFit.A3,
        "a4" => PictureFit.A3 with { Page = PageSize.A4 },
        _ => PictureFit.Default,
    };

    /// <summary>Whether --fit was given.</summary>
    public bool FitGiven(ParseResult parse) => parse.GetValue(_fit) is not null;

    /// <summary>The --focus id, checked against the network (exit 2 naming the option).</summary>
    public void CheckFocus(ParseResult parse, Model.FinancingNetwork network)
    {
        if (parse.GetValue(_focus) is { } focus && !network.Contains(focus))
        {
            throw new CliUsageException($"--focus: the graph has no entity '{focus}'.");
        }
    }
}
