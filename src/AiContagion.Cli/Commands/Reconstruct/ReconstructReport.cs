using System.Globalization;
using AiContagion.Cli.Infrastructure;
using AiContagion.Model;
using AiContagion.Reconstruction;

namespace AiContagion.Cli.Commands.Reconstruct;

/// <summary>What <c>reconstruct</c> prints: a few lines for a person, or one JSON object.</summary>
internal static class ReconstructReport
{
    public static void Write(CliContext context, bool json, ReconstructionResult result, INetworkReconstruction method, LinkKind kind, long? seed, string output, FinancingNetwork network)
    {
        var largest = result.Links.Count == 0 ? (EstimatedLink?)null : result.Links.MaxBy(l => l.Amount);
        if (json)
        {
            JsonOutput.Write(context.Output, w =>
            {
                w.WriteStartObject();
                w.WriteString("method", method.Name);
                w.WriteString("kind", kind.ToString());
                if (seed is { } s)
                {
                    w.WriteNumber("seed", s);
                }
                else
                {
                    w.WriteNull("seed");
                }

                w.WriteNumber("entities", network.EntityCount);
                w.WriteNumber("links", result.LinkCount);
                w.WriteNumber("total", result.TotalAmount);
                w.WriteNumber("iterations", result.Convergence.Iterations);
                w.WriteNumber("maxRowResidual", result.Convergence.MaxRowResidual);
                w.WriteNumber("maxColumnResidual", result.Convergence.MaxColumnResidual);
                w.WriteNumber("herfindahl", result.HerfindahlIndex);
                if (largest is { } link)
                {
                    w.WriteStartObject("largestLink");
                    w.WriteString("from", link.From);
                    w.WriteString("to", link.To);
                    w.WriteNumber("amount", link.Amount);
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("largestLink");
                }

                w.WriteString("output", output);
                w.WriteEndObject();
            });
            return;
        }

        var o = context.Output;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{method.Name}: {network.EntityCount} entities, {result.LinkCount} {kind} links, total {result.TotalAmount:G10} {network.Unit}{(seed is { } used ? $", seed {used}" : string.Empty)}"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Iterations(method, result)}; largest gap between a total and its links: out {result.Convergence.MaxRowResidual:G3}, in {result.Convergence.MaxColumnResidual:G3}"));
        if (largest is { } top)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"largest link {top.From} -> {top.To} {top.Amount:G6}; Herfindahl index of the amounts {result.HerfindahlIndex:G4} (1/links = {1.0 / result.LinkCount:G4} if all were equal)"));
        }

        if (method is EnsembleReconstruction ensemble)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"each link: mean of {ensemble.Options.Samples} sampled networks, low/high = their {ensemble.Options.LowQuantile:P0} and {ensemble.Options.HighQuantile:P0} quantiles"));
        }

        o.WriteLine($"wrote {output} (links carry confidence 'derived')");
    }

    private static string Iterations(INetworkReconstruction method, ReconstructionResult result) => result.Convergence.Iterations == 0
        ? "the totals force the links (no iteration)"
        : method.Method switch
        {
            ReconstructionMethod.MaximumEntropy => string.Create(CultureInfo.InvariantCulture, $"converged in {result.Convergence.Iterations} RAS iterations"),
            ReconstructionMethod.MinimumDensity => string.Create(CultureInfo.InvariantCulture, $"every total allocated after {result.Convergence.Iterations} iterations"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{result.Convergence.Iterations} Gibbs steps"),
        };
}
