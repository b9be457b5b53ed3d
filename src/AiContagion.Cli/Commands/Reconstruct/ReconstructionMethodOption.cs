using System.CommandLine;
using AiContagion.Cli.Infrastructure;
using AiContagion.Reconstruction;

namespace AiContagion.Cli.Commands.Reconstruct;

/// <summary><c>--method max-entropy|min-density|ensemble</c>: how <c>reconstruct</c> estimates the links.</summary>
internal sealed class ReconstructionMethodOption : Option<ReconstructionMethod?>
{
    public ReconstructionMethodOption()
        : base("--method")
    {
        Description = "How to estimate the links: 'max-entropy' (default: every pair, amounts as even as the totals allow), "
            + "'min-density' (few, large links; seeded) or 'ensemble' (mean of sampled networks, with a 5–95 % range per link; seeded).";
        HelpName = "max-entropy|min-density|ensemble";
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => (ReconstructionMethod?)(text.Trim().ToLowerInvariant() switch
        {
            "max-entropy" => ReconstructionMethod.MaximumEntropy,
            "min-density" => ReconstructionMethod.MinimumDensity,
            "ensemble" => ReconstructionMethod.Ensemble,
            _ => throw new CliUsageException($"{option}: '{text}' should be 'max-entropy', 'min-density' or 'ensemble'."),
        }));
    }
}
