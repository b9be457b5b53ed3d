using System.Globalization;
using MathNet.Numerics.Distributions;

namespace AiContagion.Stress;

/// <summary>
/// A random loss of external assets in each Monte Carlo trial: the fraction <c>f</c> of its external assets an entity
/// loses is drawn from a Beta or a capped LogNormal law, once per trial for all entities (<see cref="ExternalShockScope.Common"/>)
/// or once per entity (<see cref="ExternalShockScope.PerEntity"/>).
/// </summary>
/// <remarks>
/// <para>The loss <c>f · externalAssets</c> reaches each model through <see cref="Cascades.CascadeShock.ExternalAssetLosses"/>
/// (charged to capital by the solvency models, to external assets by the clearing models, as distress by DebtRank).
/// Entities with no external-asset figure (or 0) lose nothing and are left out of the shock.</para>
/// <para>Draws use MathNet.Numerics samplers (<see cref="MathNet.Numerics.Distributions.Beta.Sample(Random, double, double)"/>,
/// <see cref="MathNet.Numerics.Distributions.LogNormal.Sample(Random, double, double)"/>) over the trial's own seeded stream.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record ExternalAssetShock
{
    private ExternalAssetShock(ExternalShockDistribution distribution, double first, double second, ExternalShockScope scope)
    {
        Distribution = distribution;
        First = first;
        Second = second;
        Scope = scope;
    }

    /// <summary>The law of the fraction lost.</summary>
    public ExternalShockDistribution Distribution { get; }

    /// <summary>The first parameter: a for Beta, μ for LogNormal.</summary>
    public double First { get; }

    /// <summary>The second parameter: b for Beta, σ for LogNormal.</summary>
    public double Second { get; }

    /// <summary>Common to all entities of a trial, or drawn per entity.</summary>
    public ExternalShockScope Scope { get; }

    /// <summary>The mean fraction lost: a / (a + b) for Beta; E[min(1, e^(μ+σZ))] for LogNormal.</summary>
    public double MeanFraction => Distribution == ExternalShockDistribution.Beta
        ? First / (First + Second)
        : CappedLogNormalMean(First, Second);

    /// <summary>A Beta(a, b) loss fraction.</summary>
    /// <param name="a">Shape a &gt; 0.</param>
    /// <param name="b">Shape b &gt; 0.</param>
    /// <param name="scope">Common (default) or per entity.</param>
    /// <returns>The shock.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A shape is not a positive finite number, or the scope is unknown.</exception>
    public static ExternalAssetShock Beta(double a, double b, ExternalShockScope scope = ExternalShockScope.Common)
    {
        Positive(a, nameof(a));
        Positive(b, nameof(b));
        return new ExternalAssetShock(ExternalShockDistribution.Beta, a, b, Checked(scope));
    }

    /// <summary>A LogNormal(μ, σ) loss fraction, capped to 1.</summary>
    /// <param name="mu">μ, finite (e.g. −3 for a median loss of 5 %).</param>
    /// <param name="sigma">σ ≥ 0.</param>
    /// <param name="scope">Common (default) or per entity.</param>
    /// <returns>The shock.</returns>
    /// <exception cref="ArgumentOutOfRangeException">μ is not finite, σ is negative or not finite, or the scope is unknown.</exception>
    public static ExternalAssetShock LogNormal(double mu, double sigma, ExternalShockScope scope = ExternalShockScope.Common)
    {
        if (!double.IsFinite(mu))
        {
            throw new ArgumentOutOfRangeException(nameof(mu), mu, "μ must be finite.");
        }

        if (!double.IsFinite(sigma) || sigma < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "σ must be a finite number ≥ 0.");
        }

        return new ExternalAssetShock(ExternalShockDistribution.LogNormal, mu, sigma, Checked(scope));
    }

    /// <summary>The same law with another scope.</summary>
    /// <param name="scope">The scope.</param>
    /// <returns>The shock.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The scope is unknown.</exception>
    public ExternalAssetShock WithScope(ExternalShockScope scope) => new(Distribution, First, Second, Checked(scope));

    /// <summary>
    /// Parses <c>beta:a,b</c> or <c>lognormal:mu,sigma</c> (invariant culture, case-insensitive), e.g. <c>beta:2,18</c>
    /// for a mean loss of 10 %.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="scope">The scope.</param>
    /// <returns>The shock.</returns>
    /// <exception cref="FormatException">The text is not of that form.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range.</exception>
    public static ExternalAssetShock Parse(string text, ExternalShockScope scope = ExternalShockScope.Common)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var parts = colon < 0 ? [] : text[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries);
        if (colon < 0 || parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var first)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var second))
        {
            throw new FormatException($"'{text}' should be beta:a,b or lognormal:mu,sigma.");
        }

        return text[..colon].Trim().ToUpperInvariant() switch
        {
            "BETA" => Beta(first, second, scope),
            "LOGNORMAL" => LogNormal(first, second, scope),
            _ => throw new FormatException($"'{text}': unknown distribution '{text[..colon].Trim()}'; use beta:a,b or lognormal:mu,sigma."),
        };
    }

    /// <summary>A description such as <c>beta:2,18 (common)</c>.</summary>
    /// <returns>The description, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{(Distribution == ExternalShockDistribution.Beta ? "beta" : "lognormal")}:{First},{Second} ({(Scope == ExternalShockScope.Common ? "common" : "per entity")})");

    /// <summary>One fraction lost, in [0, 1], drawn from the stream.</summary>
    internal double Sample(StreamRandom random) => Distribution switch
    {
        ExternalShockDistribution.Beta => Math.Clamp(MathNet.Numerics.Distributions.Beta.Sample(random, First, Second), 0.0, 1.0),
        _ => Math.Min(1.0, MathNet.Numerics.Distributions.LogNormal.Sample(random, First, Second)),
    };

    private static double CappedLogNormalMean(double mu, double sigma)
    {
        // E[min(1, X)] = E[X; X < 1] + P(X ≥ 1) = e^(μ+σ²/2) Φ((−μ − σ²)/σ) + 1 − Φ(−μ/σ).
        if (sigma == 0)
        {
            return Math.Min(1.0, Math.Exp(mu));
        }

        return (Math.Exp(mu + (sigma * sigma / 2)) * Normal.CDF(0, 1, (-mu - (sigma * sigma)) / sigma)) + 1 - Normal.CDF(0, 1, -mu / sigma);
    }

    private static void Positive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "A Beta shape must be a finite number > 0.");
        }
    }

    private static ExternalShockScope Checked(ExternalShockScope scope) =>
        Enum.IsDefined(scope) ? scope : throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown scope.");
}
