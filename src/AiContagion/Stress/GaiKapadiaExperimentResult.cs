using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace AiContagion.Stress;

/// <summary>The outcome of a <see cref="GaiKapadiaExperiment"/>: the contagion curve against average degree.</summary>
/// <param name="Options">The options it ran with.</param>
/// <param name="Points">One point per average degree, in the order given.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record GaiKapadiaExperimentResult(GaiKapadiaExperimentOptions Options, ImmutableArray<GaiKapadiaExperimentPoint> Points)
{
    /// <summary>
    /// The contagion window: the smallest and largest average degree whose contagion frequency is at least
    /// <paramref name="minimumFrequency"/>, or <see langword="null"/> when none is.
    /// </summary>
    /// <param name="minimumFrequency">The frequency that counts as "contagion possible", in (0, 1]. Default 0.01.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The frequency is outside (0, 1].</exception>
    public (double Low, double High)? Window(double minimumFrequency = 0.01)
    {
        if (!(minimumFrequency > 0 && minimumFrequency <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumFrequency), minimumFrequency, "Must lie in (0, 1].");
        }

        var inside = Points.Where(p => p.ContagionFrequency >= minimumFrequency).Select(p => p.AverageDegree).ToList();
        return inside.Count == 0 ? null : (inside.Min(), inside.Max());
    }

    /// <summary>The curve as CSV: <c>z,trials,contagious,frequency,frequencyStandardError,extentGivenContagion,meanDefaults,realisedDegree</c>, invariant culture, one row per point.</summary>
    /// <returns>The CSV text, with a header line and <c>\n</c> line ends.</returns>
    public string ToCsv()
    {
        var text = new StringBuilder("z,trials,contagious,frequency,frequencyStandardError,extentGivenContagion,meanDefaults,realisedDegree\n");
        foreach (var p in Points)
        {
            text.Append(CultureInfo.InvariantCulture, $"{p.AverageDegree},{p.Trials},{p.ContagiousTrials},{p.ContagionFrequency:0.####},{p.FrequencyStandardError:0.####},{p.MeanExtentGivenContagion:0.####},{p.MeanDefaults:0.###},{p.MeanRealisedDegree:0.###}\n");
        }

        return text.ToString();
    }
}
