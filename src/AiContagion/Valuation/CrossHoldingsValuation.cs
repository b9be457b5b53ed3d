using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Valuation;

/// <summary>
/// Valuation with cross-holdings of debt and equity and seniority layers: each firm's value is its external assets plus
/// what its debtors pay it plus its shares of its issuers' equity, debt is paid senior layer first, equity is what is
/// left; the greatest fixed point, with its systemic greeks.
/// </summary>
/// <remarks>
/// <para><b>Model</b> (Elsinger 2009, which contains Suzuki 2002 / Fischer 2014 and Eisenberg–Noe 2001). For firm i with
/// external assets <c>e_i</c>, layers s = 1 (most senior) … S owing <c>p̄_is</c> in layer s, <c>B_is = Σ_{t&lt;s} p̄_it</c>
/// and <c>D_i = Σ_s p̄_is</c>:</para>
/// <code>
/// V_i    = e_i + Σ_s Σ_j Π_s[j][i] p_js + Σ_k C[i][k] E_k      (value)
/// p_is   = min(p̄_is, max(0, V_i − B_is))                        (paid in layer s: senior layers first)
/// E_i    = max(0, V_i − D_i)                                     (equity: limited liability)
/// N_i    = V_i − D_i                                             (net worth, negative in default)
/// </code>
/// <para><c>Π_s[j][i]</c> is i's share of what j owes in layer s (pro rata, pari passu inside a layer) and <c>C[i][k]</c>
/// the fraction of k's equity i holds. The map is monotone on a complete lattice, so the greatest and least fixed points
/// exist (Tarski); this class returns the <b>greatest</b>: the values when every claim is honoured as far as the
/// others' values allow. Outside creditors' and outside shareholders' receipts are the same at every fixed point
/// (Elsinger); the greatest is unique when every firm is partly held from outside and the defaulters leak value
/// (Eisenberg–Noe's regularity).</para>
/// <para><b>How a network maps to it</b> (direction convention of <see cref="LinkKindFacts"/>): a debt link
/// (Loan, Bond, CreditFacility, VendorFinancing) From → To is an obligation of To (the borrower) to From (the lender),
/// in the layer its <see cref="Link.Seniority"/> names (senior when absent); a commercial link From → To is an
/// obligation of From (the customer) to To (the supplier), senior — the obligations of
/// <c>EisenbergNoeClearing</c>, so that the two agree. An Equity link From → To with a <see cref="Link.Share"/> is a
/// stake: From holds that fraction of To's equity (its amount, the money invested, is not used); Equity links without a
/// share and SpvContribution links carry no stake and no obligation (counted in
/// <see cref="EquityLinksWithoutShare"/>). <c>e_i</c> is <see cref="Entity.ExternalAssets"/> (0 when unknown;
/// <see cref="Entity.Cash"/> is <b>not</b> added: it is part of the assets held outside the graph, and the
/// clearing models read <c>e</c> the same way); <see cref="Entity.ExternalLiabilities"/> (0 when unknown) rank as
/// <see cref="ValuationOptions.ExternalLiabilities"/> says, by default pari passu with the senior layer.
/// <see cref="Entity.Valuation"/> (a market price) is not an input: the model computes each equity's value.</para>
/// <para><b>Reductions.</b> With no stakes and one layer (<see cref="ValuationOptions.EisenbergNoe"/>) it is
/// Eisenberg–Noe: <c>debtPaid</c> is the clearing vector and <c>netWorth</c> the clearing model's equity (pari passu
/// external creditors; <see cref="ExternalLiabilityRank.First"/> for senior ones). With one layer and stakes it is
/// Suzuki's / Fischer's cross-ownership model (FinNetValu's XOS model: <c>Mˢ = C</c>, <c>Mᵈ = Πᵀ</c>).</para>
/// <para><b>Algorithm</b> (monotone Gauss–Seidel from above, then an exact regime step). (1) An upper bound z:
/// <c>z = e + A_par + δ + C z</c> (every claim at face value, every stake at full value, δ = 1e-9 × scale), by
/// Gauss–Seidel from 0 until its residual is below δ/2; z lies above every fixed point and <c>Φ(z) &lt; z</c>. (2)
/// Gauss–Seidel sweeps <c>V_i ← Φ_i(V)</c> in place from z: from a supersolution they decrease monotonically to the
/// greatest fixed point (Kleene iteration from above; Gauss–Seidel keeps the supersolution property). (3) Whenever a
/// sweep leaves every firm in the same regime (solvent, or paying part of one layer) and at most
/// <see cref="ValuationOptions.DenseSolveLimit"/> firms feed back, the regime's linear system is solved exactly (dense
/// LU); the solution is kept only if it lies in the current regime of every firm, which proves it is the greatest fixed
/// point (it is a fixed point below the iterate, and the fixed point of a non-singular linear piece is unique). (4) When
/// that solve fails because the fixed point is not in the current regime (a singular regime: a closed group of firms
/// whose marginal layers are owed only to one another, losing value every round, where plain iteration would crawl
/// for millions of sweeps), the run leaps to the last Jacobi iterate still in the regime, found by binary lifting on
/// powers of the regime's matrix (exact, so it stays above the greatest fixed point; feedback blocks of at most 200
/// firms). The run stops at an accepted exact step, or when a sweep changes no value by more than <see cref="ValuationOptions.Tolerance"/> × max(1, largest
/// value). <see cref="ValuationResult.Convergence"/> reports the method, the sweeps and the residual
/// <c>max |Φ(V) − V|</c>; a run that reaches <see cref="ValuationOptions.MaxIterations"/> throws
/// <see cref="ValuationConvergenceException"/>.</para>
/// <para><b>Sensitivities</b> (<see cref="Sensitivities"/>): <c>∂V/∂e = (I − Σ_s Π_sᵀ D_s − C Ξ)⁻¹</c>, D_s = the firms
/// paying part of layer s, Ξ = the solvent firms; <c>∂E/∂e = Ξ ∂V/∂e</c>, <c>∂debtPaid/∂e = (Σ_s D_s) ∂V/∂e</c>
/// (Bertschinger &amp; Stobbe's systemic greeks by the implicit-function theorem). See
/// <see cref="ValuationSensitivities"/>.</para>
/// <para><b>Complexity.</b> Construction O(n · layers + m). A valuation: O(m) per sweep (the upper bound's sweeps cost
/// O(n + stakes)); the number of sweeps grows with the longest chain of partial payments and the share of value
/// passed on; the exact step O(k³) for k ≤ <see cref="ValuationOptions.DenseSolveLimit"/>. A sensitivity column: one
/// O(k²) solve after one O(k³) factorisation, or O(m) per Gauss–Seidel sweep. Memory: about 28 bytes per obligation
/// and 12 per stake.</para>
/// <para><b>Thread safety.</b> Immutable once built; <see cref="Value"/>, <see cref="ValueAt"/> and
/// <see cref="Sensitivities"/> may run concurrently.</para>
/// <para>Elsinger, H. (2009), "Financial networks, cross holdings, and limited liability", Oesterreichische Nationalbank
/// Working Paper 156. Suzuki, T. (2002), "Valuing corporate debt: the effect of cross-holdings of stock and debt",
/// Journal of the Operations Research Society of Japan 45(2), 123–144, doi:10.15807/jorsj.45.123. Fischer, T. (2014),
/// "No-arbitrage pricing under systemic risk: accounting for cross-ownership", Mathematical Finance 24(1), 97–124,
/// doi:10.1111/j.1467-9965.2012.00526.x. Eisenberg, L. &amp; Noe, T. H. (2001), "Systemic Risk in Financial Systems",
/// Management Science 47(2), 236–249, doi:10.1287/mnsc.47.2.236.9835. Bertschinger, N. &amp; Stobbe, J. (2018),
/// "Systemic Greeks: measuring risk in financial networks", arXiv:1810.11849. Tarski, A. (1955), "A lattice-theoretical
/// fixpoint theorem and its applications", Pacific Journal of Mathematics 5(2), 285–309,
/// doi:10.2140/pjm.1955.5.285.</para>
/// </remarks>
public sealed class CrossHoldingsValuation
{
    /// <summary>Prepares the valuation of a network: O(n · layers + m).</summary>
    /// <param name="network">The network.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults (stakes, seniority layers, external liabilities with the senior layer).</param>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public CrossHoldingsValuation(FinancingNetwork network, ValuationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        Options = options ?? new ValuationOptions();
        Options.Validate();
        Network = network;
        Engine = new ValuationEngine(network, Options);
        Layers = [.. Engine.Layers];
    }

    /// <summary>The network valued.</summary>
    public FinancingNetwork Network { get; }

    /// <summary>The options.</summary>
    public ValuationOptions Options { get; }

    /// <summary>
    /// The seniority layers in use, most senior first: <c>debt</c> (one layer), or <c>senior</c> and <c>junior</c> when
    /// some debt link is junior (or external liabilities rank <see cref="ExternalLiabilityRank.WithJunior"/>), preceded by
    /// <c>external</c> when external liabilities rank <see cref="ExternalLiabilityRank.First"/>; a layer is listed only
    /// when some firm owes in it.
    /// </summary>
    public IReadOnlyList<string> Layers { get; }

    /// <summary>Number of stakes valued (Equity links with a share; 0 when <see cref="ValuationOptions.IncludeStakes"/> is off).</summary>
    public int StakeCount => Engine.StakeCount;

    /// <summary>Number of Equity links without a share: they carry no stake in the valuation.</summary>
    public int EquityLinksWithoutShare => Engine.EquityLinksWithoutShare;

    /// <summary>The compact form the runs use.</summary>
    internal ValuationEngine Engine { get; }

    /// <summary>Values the network, optionally after losses of external assets.</summary>
    /// <param name="externalAssetLosses">Entity id → the fraction f in [0, 1] of its external assets it loses (<c>e_i ← (1 − f) e_i</c>); <see langword="null"/> or empty for none.</param>
    /// <param name="cancellationToken">Cancels the run (checked every sweep).</param>
    /// <returns>The greatest fixed point.</returns>
    /// <exception cref="ArgumentException">An id names no entity.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A fraction is outside [0, 1].</exception>
    /// <exception cref="ValuationConvergenceException">The iteration reached <see cref="ValuationOptions.MaxIterations"/>.</exception>
    public ValuationResult Value(IReadOnlyDictionary<string, double>? externalAssetLosses = null, CancellationToken cancellationToken = default)
    {
        var e = (double[])Engine.ExternalAssets.Clone();
        foreach (var (id, fraction) in externalAssetLosses ?? ImmutableDictionary<string, double>.Empty)
        {
            var index = Network.IndexOf(id);
            if (index < 0)
            {
                throw new ArgumentException($"The network has no entity '{id}'.", nameof(externalAssetLosses));
            }

            if (!(fraction >= 0 && fraction <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(externalAssetLosses), fraction, $"The loss of '{id}' must be a fraction in [0, 1].");
            }

            e[index] *= 1 - fraction;
        }

        return Run(e, cancellationToken);
    }

    /// <summary>Values the network with given external assets (a stress scenario, or a finite-difference probe).</summary>
    /// <param name="externalAssets">Every entity's external assets, by network index: finite and non-negative.</param>
    /// <param name="cancellationToken">Cancels the run (checked every sweep).</param>
    /// <returns>The greatest fixed point.</returns>
    /// <exception cref="ArgumentException">The count is not the entity count, or a value is negative or not finite.</exception>
    /// <exception cref="ValuationConvergenceException">The iteration reached <see cref="ValuationOptions.MaxIterations"/>.</exception>
    public ValuationResult ValueAt(IReadOnlyList<double> externalAssets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(externalAssets);
        if (externalAssets.Count != Network.EntityCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Expected {Network.EntityCount} external asset values (one per entity); got {externalAssets.Count}."), nameof(externalAssets));
        }

        var e = new double[externalAssets.Count];
        for (var i = 0; i < e.Length; i++)
        {
            e[i] = externalAssets[i];
            if (!(double.IsFinite(e[i]) && e[i] >= 0))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The external assets of '{Network.Entities[i].Id}' must be finite and non-negative; got {e[i]}."), nameof(externalAssets));
            }
        }

        return Run(e, cancellationToken);
    }

    /// <summary>
    /// The systemic greeks at a valuation: for each entity j asked, how every entity's value, equity and debt value move
    /// per unit of j's external assets (see <see cref="ValuationSensitivities"/>).
    /// </summary>
    /// <param name="at">A result of this valuation.</param>
    /// <param name="withRespectTo">The ids j whose external assets vary; <see langword="null"/> for every entity (n columns).</param>
    /// <param name="cancellationToken">Cancels the solves.</param>
    /// <returns>One column per id, in the order given.</returns>
    /// <exception cref="ArgumentException"><paramref name="at"/> comes from another valuation, or an id names no entity or is repeated.</exception>
    public ValuationSensitivities Sensitivities(ValuationResult at, IEnumerable<string>? withRespectTo = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(at);
        if (!ReferenceEquals(at.Model, this))
        {
            throw new ArgumentException("The result comes from another valuation; take the sensitivities with the valuation that produced it.", nameof(at));
        }

        var columns = new List<int>();
        if (withRespectTo is null)
        {
            columns.AddRange(Enumerable.Range(0, Network.EntityCount));
        }
        else
        {
            var seen = new HashSet<int>();
            foreach (var id in withRespectTo)
            {
                var index = id is null ? -1 : Network.IndexOf(id);
                if (index < 0)
                {
                    throw new ArgumentException($"The network has no entity '{id}'.", nameof(withRespectTo));
                }

                if (!seen.Add(index))
                {
                    throw new ArgumentException($"'{id}' is asked for twice.", nameof(withRespectTo));
                }

                columns.Add(index);
            }
        }

        return SensitivitySolver.Solve(this, at, columns, cancellationToken);
    }

    private ValuationResult Run(double[] e, CancellationToken cancellationToken)
    {
        var (values, iterations, residual, exact, leaps) = Engine.Solve(e, cancellationToken);
        var method = "gauss-seidel-from-above" + (leaps > 0 ? "+regime-leap" : string.Empty) + (exact ? "+exact-regime" : string.Empty);
        return new ValuationResult(this, e, values, new ValuationConvergence(method, iterations, residual, exact));
    }
}
