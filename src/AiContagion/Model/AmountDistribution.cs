namespace AiContagion.Model;

/// <summary>
/// The distribution a ranged link amount is drawn from (<see cref="AmountDraws"/>): the range is
/// [<see cref="Link.Low"/>, <see cref="Link.High"/>] and the stated <see cref="Link.Amount"/> is the most likely value.
/// Written in lower case on the command line (<c>triangular</c>, <c>uniform</c>, <c>pert</c>).
/// </summary>
public enum AmountDistribution
{
    /// <summary>
    /// Triangular(a = low, c = amount, b = high), the default: density rising linearly from a to the mode c and falling to b.
    /// CDF <c>(x − a)² / ((b − a)(c − a))</c> for x ≤ c and <c>1 − (b − x)² / ((b − a)(b − c))</c> above; mean (a + b + c) / 3.
    /// Drawn by inverting the CDF.
    /// </summary>
    Triangular,

    /// <summary>Uniform on [low, high]: every amount in the range equally likely (the stated amount plays no part); mean (a + b) / 2.</summary>
    Uniform,

    /// <summary>
    /// Beta-PERT with λ = 4 (Malcolm et al. 1959; Vose 2008): <c>a + (b − a) · Beta(α, β)</c> with
    /// <c>α = 1 + 4 (c − a) / (b − a)</c>, <c>β = 1 + 4 (b − c) / (b − a)</c>, so the mode is c and the mean
    /// <c>(a + 4c + b) / 6</c>; smoother than the triangular and with thinner tails. The Beta variate is
    /// <c>G_α / (G_α + G_β)</c> from two Gamma variates (Marsaglia &amp; Tsang 2000; α, β ≥ 1 always).
    /// </summary>
    Pert,
}
