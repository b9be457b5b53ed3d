using System.Globalization;

namespace AiContagion.Cascades;

/// <summary>The outcome of a <see cref="GaiKapadiaExperiment"/>: how often one failure spread, and how far.</summary>
/// <param name="Options">The options it ran with.</param>
/// <param name="ContagionFrequency">Share of trials in which at least <see cref="GaiKapadiaExperimentOptions.ContagionThreshold"/> of the banks defaulted.</param>
/// <param name="MeanExtentGivenContagion">Mean share of banks defaulted over the contagious trials (0 when there were none).</param>
/// <param name="MeanDefaults">Mean number of banks defaulted over all trials, the initial failure included.</param>
public sealed record GaiKapadiaExperimentResult(GaiKapadiaExperimentOptions Options, double ContagionFrequency, double MeanExtentGivenContagion, double MeanDefaults)
{
    /// <summary>A one-line summary.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"z = {Options.AverageDegree}: contagion in {ContagionFrequency:P1} of {Options.Trials} trials, extent {MeanExtentGivenContagion:P1} when it happens");
}
