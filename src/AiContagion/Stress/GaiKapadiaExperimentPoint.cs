using System.Globalization;

namespace AiContagion.Stress;

/// <summary>One point of the Gai–Kapadia curve: at average degree z, how often one failure spread, and how far.</summary>
/// <param name="AverageDegree">The average degree z.</param>
/// <param name="Trials">Networks drawn.</param>
/// <param name="ContagiousTrials">Trials in which at least <see cref="GaiKapadiaExperimentOptions.ContagionThreshold"/> of the banks defaulted.</param>
/// <param name="MeanExtentGivenContagion">Mean share of banks defaulted over the contagious trials (0 when there were none).</param>
/// <param name="MeanDefaults">Mean number of banks defaulted over all trials, the initial failure included.</param>
/// <param name="MeanRealisedDegree">Mean over the trials of links / banks: the realised average degree (≈ z).</param>
public sealed record GaiKapadiaExperimentPoint(double AverageDegree, int Trials, int ContagiousTrials, double MeanExtentGivenContagion, double MeanDefaults, double MeanRealisedDegree)
{
    /// <summary>The share of trials that were contagious: the probability of contagion.</summary>
    public double ContagionFrequency => (double)ContagiousTrials / Trials;

    /// <summary>The standard error of <see cref="ContagionFrequency"/>, √(f(1 − f) / trials).</summary>
    public double FrequencyStandardError => Math.Sqrt(ContagionFrequency * (1 - ContagionFrequency) / Trials);

    /// <summary>A one-line summary.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"z = {AverageDegree}: contagion in {ContagionFrequency:P1} ± {FrequencyStandardError:P1} of {Trials} trials, extent {MeanExtentGivenContagion:P1} when it happens");
}
