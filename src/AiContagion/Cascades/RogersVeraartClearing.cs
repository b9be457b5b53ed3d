using AiContagion.Cascades.Engines;
using AiContagion.Model;

namespace AiContagion.Cascades;

/// <summary>
/// Rogers–Veraart clearing: Eisenberg–Noe with default costs. A defaulting entity realises only α of its external
/// assets and β of what the network pays it; the greatest clearing vector is found by the greatest-clearing-vector
/// (fictitious-default) algorithm, with the round in which each entity defaults.
/// </summary>
/// <remarks>
/// <para><b>Map.</b> With <c>s_i = e_i + Σ_j Π_ji p_j − σ ext_i</c> (σ = 1 when external liabilities are senior, 0
/// pari passu): <c>p_i = p̄_i</c> if <c>s_i ≥ p̄_i</c>, else <c>max(0, α e_i + β Σ_j Π_ji p_j − σ ext_i)</c>. The map
/// is monotone but not continuous; its greatest fixed point is the limit of the algorithm below.</para>
/// <para><b>Algorithm.</b> From <c>p = p̄</c>, each round adds to the defaulting set D every entity with
/// <c>s_i &lt; p̄_i</c> at the current p (D only grows, since p only falls), sets to 0 those whose default value is
/// already ≤ 0, and solves <c>x_D = α e_D − σ ext_D + β Π_·Dᵀ p</c> exactly (dense LU up to
/// <see cref="RogersVeraartOptions.DenseSolveLimit"/> unknowns, else Gauss–Seidel to 1e-14). Where that exact step
/// is unusable (a singular system, or a negative solution because the zero floor binds for an entity not yet known to
/// be at zero) one plain fixed-point step is taken instead; it stays above the greatest clearing vector. Ends when a
/// round adds nobody after an exact step; more than <see cref="RogersVeraartOptions.MaxIterations"/> passes throw
/// <see cref="CascadeConvergenceException"/> (<see cref="PreparedCascade.TryRun"/> returns the state reached instead,
/// with <see cref="CascadeResult.Converged"/> = <see langword="false"/>).</para>
/// <para><b>Direction, shock, figures, seniority</b>: as <see cref="EisenbergNoeClearing"/> (debt links: To owes From;
/// commercial links: From owes To; equity and SPV contributions: no obligation). Settings echo α, β and the seniority.</para>
/// <para><b>Complexity.</b> Each round O(m) plus O(k³) for k defaulters; at most n rounds. Thread-safe.</para>
/// <para>Rogers, L. C. G. &amp; Veraart, L. A. M. (2013), "Failure and Rescue in an Interbank Network", Management
/// Science 59(4), 882–898, doi:10.1287/mnsc.1120.1569. Zero floor with senior liabilities: Elsinger, H. (2009),
/// "Financial Networks, Cross Holdings, and Limited Liability", OeNB Working Paper 156.</para>
/// </remarks>
public sealed class RogersVeraartClearing : CascadeModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="options">Options; <see langword="null"/> for the defaults (α = β = 1, pari passu).</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public RogersVeraartClearing(RogersVeraartOptions? options = null)
    {
        Options = options ?? new RogersVeraartOptions();
        Options.Validate();
    }

    /// <summary>The options.</summary>
    public RogersVeraartOptions Options { get; }

    /// <inheritdoc/>
    public override CascadeModelKind Kind => CascadeModelKind.RogersVeraart;

    /// <inheritdoc/>
    public override ShockChannels Accepts => ShockChannels.Withdrawal | ShockChannels.Failure | ShockChannels.ExternalAssets;

    private protected override PreparedCascade PrepareCore(FinancingNetwork network) =>
        new ClearingEngine(
            this,
            network,
            ModelSettings.Of(("alpha", Options.Alpha), ("beta", Options.Beta), ("seniority", Options.Seniority)),
            Options.Alpha,
            Options.Beta,
            Options.Seniority,
            Options.DenseSolveLimit,
            Options.MaxIterations);
}
