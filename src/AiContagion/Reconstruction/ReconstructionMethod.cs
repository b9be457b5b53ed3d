namespace AiContagion.Reconstruction;

/// <summary>The ways to estimate undisclosed links from totals.</summary>
public enum ReconstructionMethod
{
    /// <summary>Maximum entropy (RAS on an all-ones prior): every allowed pair gets a link, amounts spread as evenly as the totals allow (<see cref="MaximumEntropyReconstruction"/>; command-line name <c>max-entropy</c>).</summary>
    MaximumEntropy,

    /// <summary>Minimum density (Anand, Craig &amp; von Peter 2015): few, large links (<see cref="MinimumDensityReconstruction"/>; <c>min-density</c>).</summary>
    MinimumDensity,

    /// <summary>A Bayesian ensemble (Gandy &amp; Veraart 2017): many networks drawn given the totals, summarised by mean and range (<see cref="EnsembleReconstruction"/>; <c>ensemble</c>).</summary>
    Ensemble,
}
