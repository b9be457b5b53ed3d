using AiContagion.Generators;
using MathNet.Numerics.Distributions;
using AiContagion.Numerics;

namespace AiContagion.Stress;

/// <summary>
/// The one-factor Gaussian copula that decides which at-risk entities withdraw in a trial:
/// <c>X_i = √ρ · M + √(1 − ρ) · ε_i</c>, entity i withdraws iff <c>X_i &lt; Φ⁻¹(p_i)</c>.
/// </summary>
/// <remarks>
/// <para>M and ε_i are independent standard normals drawn (Box–Muller) from the trial's stream, M first, then ε_i in
/// entity order; the thresholds Φ⁻¹(p_i) come from MathNet.Numerics (<see cref="Normal.InvCDF"/>), with p = 1 giving +∞
/// (always). Each X_i is standard normal, so P(withdraw) = p_i exactly, and any two latent variables have correlation
/// ρ (Vasicek 2002, "The distribution of loan portfolio value", Risk 15(12); Li 2000, "On default correlation: a copula
/// function approach", J. Fixed Income 9(4), doi:10.3905/jfi.2000.319253). A one-factor model, not a Cholesky
/// factor: one correlation for every pair, O(k) per trial for k entities at risk.</para>
/// <para>Immutable and thread-safe; a draw uses only the random source it is given.</para>
/// </remarks>
internal sealed class OneFactorCopula
{
    private readonly double[] _threshold;
    private readonly double _common;
    private readonly double _own;

    public OneFactorCopula(IReadOnlyList<double> probabilities, double correlation)
    {
        _threshold = new double[probabilities.Count];
        for (var i = 0; i < _threshold.Length; i++)
        {
            var p = probabilities[i];
            _threshold[i] = p >= 1 ? double.PositiveInfinity : p <= 0 ? double.NegativeInfinity : Normal.InvCDF(0, 1, p);
        }

        _common = Math.Sqrt(correlation);
        _own = Math.Sqrt(1 - correlation);
    }

    /// <summary>Number of entities at risk.</summary>
    public int Count => _threshold.Length;

    /// <summary>Draws one trial: <paramref name="withdraws"/>[i] is set for each entity that withdraws; returns how many do.</summary>
    public int Draw(SeededRandom random, Span<bool> withdraws)
    {
        var factor = random.NextGaussian();
        var count = 0;
        for (var i = 0; i < _threshold.Length; i++)
        {
            var latent = (_common * factor) + (_own * random.NextGaussian());
            var hit = latent < _threshold[i];
            withdraws[i] = hit;
            count += hit ? 1 : 0;
        }

        return count;
    }
}
