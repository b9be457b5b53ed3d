namespace AiContagion.Stress;

/// <summary>The law of the fraction of external assets lost in a <see cref="ExternalAssetShock"/>.</summary>
public enum ExternalShockDistribution
{
    /// <summary>Beta(a, b) on [0, 1]: mean a / (a + b).</summary>
    Beta,

    /// <summary>LogNormal(μ, σ): <c>min(1, exp(μ + σZ))</c>, Z standard normal; the cap makes a draw above 1 a total loss.</summary>
    LogNormal,
}
