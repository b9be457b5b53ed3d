using System.Globalization;

namespace AiContagion.Stress;

/// <summary>One entity's results over the trials of a <see cref="StressTest"/>.</summary>
/// <param name="Id">The entity.</param>
/// <param name="Probability">The probability p it was given of withdrawing (or failing, with <see cref="Cascades.CandidateShock.Fail"/>) in a trial; 0 when not at risk.</param>
/// <param name="Draws">Trials in which the copula drew it.</param>
/// <param name="Failures">Trials in which it failed (drawn failures included).</param>
/// <param name="Trials">Trials in all.</param>
public sealed record EntityStressOutcome(string Id, double Probability, int Draws, int Failures, int Trials)
{
    /// <summary>The share of trials in which it was drawn (estimates <see cref="Probability"/>).</summary>
    public double DrawFrequency => (double)Draws / Trials;

    /// <summary>The share of trials in which it failed: its estimated probability of failure.</summary>
    public double FailureProbability => (double)Failures / Trials;

    /// <summary>The standard error of <see cref="FailureProbability"/>, √(p̂(1 − p̂) / N).</summary>
    public double FailureStandardError => Math.Sqrt(FailureProbability * (1 - FailureProbability) / Trials);

    /// <summary>A one-line summary.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id}: fails in {FailureProbability:P2} ± {FailureStandardError:P2} of {Trials} trials");
}
