namespace AiContagion.Reconstruction;

/// <summary>
/// Options of <see cref="EnsembleReconstruction"/>: the prior (link probability p, intensity λ) and the sampler's run
/// length. systemicrisk's <c>sample_ERE(l, a, p, lambda, nsamples, thin, burnin)</c> takes the same parameters.
/// </summary>
public sealed record EnsembleOptions
{
    /// <summary>p, the prior probability that a pair has a link (default 0.5), in (0, 1]. Lower values give sparser samples.</summary>
    public double LinkProbability { get; init; } = 0.5;

    /// <summary>
    /// λ, the rate of the exponential prior on a link's amount (mean 1/λ); <see langword="null"/> for
    /// <c>p · (open pairs) / total</c>, so that the prior's expected total equals the observed one (systemicrisk's
    /// <c>calibrate_ER</c> rule, without its search for p).
    /// </summary>
    public double? Intensity { get; init; }

    /// <summary>How many networks to draw after the burn-in (default 1,000).</summary>
    public int Samples { get; init; } = 1000;

    /// <summary>
    /// Gibbs steps between two kept samples; <see langword="null"/> for 4 × the open pairs, at least 1,000
    /// (systemicrisk's default). A rule of thumb: the chain can mix slowly — from the dense start towards the sparse
    /// networks the prior favours, and between sparse networks — so check <see cref="ReconstructionConvergence.History"/>
    /// (the links in each sample): its first and last tenths should look alike.
    /// </summary>
    public int? Thin { get; init; }

    /// <summary>Gibbs steps discarded before the first sample; <see langword="null"/> for 10 × <see cref="Thin"/> (at least 10,000, systemicrisk's default).</summary>
    public int? BurnIn { get; init; }

    /// <summary>The quantile of the sampled amounts reported as a link's <see cref="EstimatedLink.Low"/> (default 0.05).</summary>
    public double LowQuantile { get; init; } = 0.05;

    /// <summary>The quantile reported as a link's <see cref="EstimatedLink.High"/> (default 0.95).</summary>
    public double HighQuantile { get; init; } = 0.95;

    /// <summary>The seed of the sampler (default 1): a seed gives the same samples on every machine.</summary>
    public long Seed { get; init; } = 1;

    internal void Validate()
    {
        if (!(LinkProbability is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(LinkProbability), LinkProbability, "The link probability must lie in (0, 1].");
        }

        if (Intensity is { } intensity && !(intensity > 0 && double.IsFinite(intensity)))
        {
            throw new ArgumentOutOfRangeException(nameof(Intensity), intensity, "The intensity must be positive and finite.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Samples, nameof(Samples));
        if (Thin is { } thin)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(thin, nameof(Thin));
        }

        if (BurnIn is { } burnIn)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(burnIn, nameof(BurnIn));
        }

        if (!(LowQuantile is >= 0 and <= 1) || !(HighQuantile is >= 0 and <= 1) || LowQuantile > HighQuantile)
        {
            throw new ArgumentOutOfRangeException(nameof(LowQuantile), LowQuantile, "The quantiles must satisfy 0 ≤ low ≤ high ≤ 1.");
        }
    }
}
