using AiContagion.Cascades.Engines;
using AiContagion.Model;

namespace AiContagion.Cascades;

/// <summary>
/// Eisenberg–Noe clearing: the payment vector p with <c>p_i = min(p̄_i, max(0, e_i + Σ_j Π_ji p_j))</c> (pari passu)
/// found exactly by the fictitious-default algorithm, with the round in which each entity defaults.
/// </summary>
/// <remarks>
/// <para><b>Obligations and direction</b> (docs/concepts.md#links). The model walks each link by its kind: a debt link
/// (Loan, Bond, CreditFacility, VendorFinancing) From → To is an obligation of To to From (payments run
/// <b>against</b> the link); a commercial link From → To is an obligation of From to To (payments run <b>along</b>
/// it); Equity and SpvContribution links carry no obligation and play no part in clearing. <c>e_i</c> is the
/// entity's external assets (0 when unknown), <c>ext_i</c> its external liabilities (0 when unknown).</para>
/// <para><b>Seniority</b> (<see cref="ClearingOptions.Seniority"/>, echoed in <see cref="CascadeResult.Settings"/>).
/// Pari passu: <c>p̄_i = owed_i + ext_i</c>, the external creditors share pro rata. Senior: external creditors are
/// paid first, <c>p_i = min(owed_i, max(0, e_i + Σ_j Π_ji p_j − ext_i))</c>.</para>
/// <para><b>Algorithm.</b> See <see cref="RogersVeraartClearing"/> with α = β = 1: start from <c>p = p̄</c>; each
/// round adds the entities that cannot pay in full at the current p to the defaulting set and solves the linear
/// system of the defaulters exactly. The result is the greatest clearing vector (the unique one under Eisenberg and
/// Noe's regularity condition). Round 0 holds the entities the shock failed (they pay nothing).</para>
/// <para><b>Shock.</b> External-asset losses scale <c>e_i</c> by <c>1 − f</c>; failures pay nothing; a withdrawal
/// stops the withdrawn entity paying along its outgoing links: the obligations it owes on its commercial links
/// out shrink by the fraction (loans it made are still owed to it). Distress is refused.</para>
/// <para><b>Figures.</b> <see cref="EntityOutcome.Payment"/> = total paid (inside and outside the network),
/// <see cref="EntityOutcome.NetworkPayment"/> = paid to network creditors, <see cref="EntityOutcome.Equity"/> =
/// <c>e_i + Σ_j Π_ji p_j − ext_i − owed_i</c> (face value; negative for defaulters). Failed = defaulting
/// (<c>equity &lt; 0</c>, strict with 1e-12 relative slack). Links down: links out of a defaulter and claim links into it.</para>
/// <para><b>Complexity.</b> Each round O(m) plus a dense LU solve of the k defaulters, O(k³) (Gauss–Seidel above
/// <see cref="ClearingOptions.DenseSolveLimit"/>); at most n rounds. Thread-safe.</para>
/// <para>Eisenberg, L. &amp; Noe, T. H. (2001), "Systemic Risk in Financial Systems", Management Science 47(2),
/// 236–249, doi:10.1287/mnsc.47.2.236.9835. Pari passu external creditors: Glasserman, P. &amp; Young, H. P. (2015),
/// "How likely is contagion in financial networks?", Journal of Banking &amp; Finance 50, 383–399,
/// doi:10.1016/j.jbankfin.2014.02.006.</para>
/// </remarks>
public sealed class EisenbergNoeClearing : CascadeModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="options">Clearing options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public EisenbergNoeClearing(ClearingOptions? options = null)
    {
        Options = options ?? new ClearingOptions();
        Options.Validate();
    }

    /// <summary>The clearing options.</summary>
    public ClearingOptions Options { get; }

    /// <inheritdoc/>
    public override CascadeModelKind Kind => CascadeModelKind.EisenbergNoe;

    /// <inheritdoc/>
    public override ShockChannels Accepts => ShockChannels.Withdrawal | ShockChannels.Failure | ShockChannels.ExternalAssets;

    private protected override PreparedCascade PrepareCore(FinancingNetwork network) =>
        new ClearingEngine(this, network, ModelSettings.Of(("seniority", Options.Seniority)), 1.0, 1.0, Options.Seniority, Options.DenseSolveLimit, Options.MaxIterations);
}
