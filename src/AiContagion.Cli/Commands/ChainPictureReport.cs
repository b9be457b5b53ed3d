using System.Globalization;
using AiContagion.Cli.Infrastructure;
using AiContagion.Export;
using AiContagion.Model;

namespace AiContagion.Cli.Commands;

/// <summary>Saves a chain, core or Sankey picture and reports what it shows and how readable it is (a line, or JSON).</summary>
internal static class ChainPictureReport
{
    public static int Save(
        CliContext context, bool json, FinancingNetwork network, string target, ExportView view, ChainDiagramOptions options, PictureFit fit,
        IReadOnlyList<string> overlays, GraphvizRenderer? renderer)
    {
        string description;
        Readability? readability;
        IReadOnlyList<string> adjustments = [];
        double? threshold = null;
        ChainDiagramDocument? document = null;
        try
        {
            if (view == ExportView.Sankey)
            {
                var sankey = SankeyDiagram.Create(network, new SankeyOptions { Title = options.Title });
                var svg = sankey.ToSvg();
                readability = fit.Page is { } page ? Readability.Measure(svg, page) : null;
                if (readability is not null && !readability.IsReadable(fit.MinimumText))
                {
                    throw new UnreadableDiagramException("The Sankey's text is too small for the page.", readability);
                }

                sankey.Save(target);
                description = string.Create(CultureInfo.InvariantCulture, $"sankey: {sankey.Flows.Count} ribbons, {DotText(sankey.AmountShown)} {network.Unit} shown, {DotText(sankey.AmountLeftOut)} left out");
            }
            else
            {
                var result = ChainPicture.Save(network, target, view == ExportView.Core ? ChainView.Core : ChainView.Tiered, options, fit, renderer, context.CancellationToken);
                document = result.Document;
                readability = result.Readability;
                adjustments = result.Adjustments;
                threshold = view == ExportView.Core ? null : result.Document.MinimumAmount;
                description = result.Document.ToString();
                if (result.Warnings.Length > 0)
                {
                    context.Error.WriteLine("graphviz: " + result.Warnings);
                }
            }
        }
        catch (GraphvizNotFoundException missing)
        {
            context.Error.WriteLine("error: " + missing.Message);
            return ExitCodes.Failure;
        }
        catch (UnreadableDiagramException unreadable)
        {
            context.Error.WriteLine("error: " + Refusal(unreadable, view, options, fit));
            return ExitCodes.Failure;
        }

        if (json)
        {
            JsonOutput.Write(context.Output, w =>
            {
                w.WriteStartObject();
                w.WriteString("output", target);
                w.WriteString("format", Export.DiagramFile.FormatOf(target).ToString());
                w.WriteString("view", document?.View.ToString().ToLowerInvariant() ?? "sankey");
                if (document is not null)
                {
                    w.WriteNumber("nodesShown", document.NodesShown);
                    w.WriteNumber("edgesShown", document.FlowsShown);
                    w.WriteNumber("linksShown", document.LinksShown);
                    w.WriteNumber("links", network.LinkCount);
                    w.WriteNumber("labelledEdges", document.LabelledFlows);
                }

                if (threshold is { } t)
                {
                    w.WriteNumber("minimumAmount", t);
                }

                w.WriteStrings("overlays", overlays);
                if (readability is not null)
                {
                    w.WritePropertyName("readability");
                    w.WriteStartObject();
                    w.WriteNumber("width", Math.Round(readability.Width, 2));
                    w.WriteNumber("height", Math.Round(readability.Height, 2));
                    w.WriteNumber("smallestText", Math.Round(readability.SmallestText, 2));
                    w.WriteString("page", readability.Page.Name);
                    w.WriteString("orientation", readability.Landscape ? "landscape" : "portrait");
                    w.WriteNumber("pageScale", Math.Round(readability.PageScale, 4));
                    w.WriteNumber("smallestTextOnPage", Math.Round(readability.SmallestTextOnPage, 2));
                    w.WriteNumber("smallestTextOnScreenPx", Math.Round(readability.SmallestTextOnScreen, 2));
                    w.WriteEndObject();
                }

                w.WriteStrings("adjustments", adjustments);
                w.WriteEndObject();
            });
        }
        else
        {
            foreach (var step in adjustments)
            {
                context.Output.WriteLine("fit: " + step);
            }

            var with = overlays.Count == 0 ? "" : " with " + string.Join(", ", overlays);
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {target}{with}: {description}"));
            if (readability is not null)
            {
                context.Output.WriteLine("readability: " + readability);
            }
        }

        return ExitCodes.Ok;
    }

    private static string DotText(double amount) => amount.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>The library's refusal in the tool's words: which options change the picture.</summary>
    private static string Refusal(UnreadableDiagramException unreadable, ExportView view, ChainDiagramOptions options, PictureFit fit)
    {
        var what = unreadable.Readability is { } r
            ? string.Create(CultureInfo.InvariantCulture,
                $"the {view.ToString().ToLowerInvariant()} picture would print its smallest text at {r.SmallestTextOnPage:0.0} pt on {r.Page.Name} ({r.Width:0} × {r.Height:0} pt, {r.SmallestText:0.#} pt text shrunk by {r.PageScale:0.00}); the floor is {fit.MinimumText:0.#} pt, so nothing was written.")
            : unreadable.Message;
        var how = view switch
        {
            ExportView.Core => fit.RaiseThreshold ? " Even 4 firms do not fit; use a larger page or --fit none." : " Draw fewer firms (--core N), or --fit a3 to draw fewer until it fits (--fit none skips the check).",
            ExportView.Sankey => " Use a larger page or --fit none.",
            _ => fit.RaiseThreshold
                ? " No threshold makes it fit; focus on one firm (--focus ID) or use --fit none."
                : string.Create(CultureInfo.InvariantCulture,
                    $" Raise --min-amount (now {options.EffectiveMinimumAmount:0.##}){(options.GroupFunders ? "" : ", add --group-funders")}, draw one firm's neighbourhood (--focus ID), or add --fit a3 to raise the threshold until it fits (--fit none skips the check)."),
        };
        return char.ToUpperInvariant(what[0]) + what[1..] + how;
    }
}
