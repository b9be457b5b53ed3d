using AiContagion.Cascades.Engines;
using AiContagion.Model;

namespace AiContagion.Cascades;

/// <summary>
/// The funding-withdrawal (liquidity) cascade, the chain of pain: withdrawn entities stop paying, recipients lose
/// inflow, and an entity whose lost inflow exceeds its buffer fails and stops paying in turn.
/// </summary>
/// <remarks>
/// <para><b>Model</b> (docs/concepts.md#funding-withdrawal-liquidity-cascade). <c>inflow_v</c> = Σ amounts of the links into v + <c>revenue_v</c> (0 when
/// unknown). Entity v fails in round r when, after round r − 1, <c>lost_v &gt; τ_v · inflow_v</c> (strict, with a
/// relative slack of 1e-12), where <c>τ_v</c> is v's tolerance, else <c>cash_v / inflow_v</c> capped to [0, 1], else
/// <see cref="LiquidityOptions.DefaultTolerance"/>. An entity with no inflow never fails by liquidity. A failed
/// entity stops every link out of it. Repeat until a round brings no failure (at most n rounds).</para>
/// <para><b>Shock.</b> Round 0: each withdrawal stops <c>fraction × amount</c> of every link out of the withdrawn
/// entity (the recipient loses that much inflow; a later failure of the withdrawn entity stops the rest); each
/// failure fails the entity. Withdrawn entities are shocked, not failed. External-asset and distress shocks are
/// refused (no liquidity meaning).</para>
/// <para><b>Direction.</b> Walks links <b>along</b> their direction (From → To, the way money moves): a payer's
/// stop is its recipients' loss. Links down: links out of a withdrawn entity (<see cref="LinkDownCause.Withdrawn"/>),
/// links out of a failed one (<see cref="LinkDownCause.PayerFailed"/>), claim links into a failed one
/// (<see cref="LinkDownCause.RecipientFailed"/>; counted, but no solvency effect in this model).</para>
/// <para><b>Figures.</b> <see cref="EntityOutcome.LostInflow"/> per entity.</para>
/// <para><b>Complexity.</b> O(n + m) to prepare; each run O(entities and links reached) (O(n + m) at worst).
/// Thread-safe. Related work on funding-liquidity contagion: Gai, Haldane &amp; Kapadia (2011), "Complexity,
/// concentration and contagion", Journal of Monetary Economics 58(5), 453–470, doi:10.1016/j.jmoneco.2011.05.005.</para>
/// </remarks>
public sealed class FundingWithdrawalCascade : CascadeModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="options">Liquidity options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public FundingWithdrawalCascade(LiquidityOptions? options = null)
    {
        Options = options ?? new LiquidityOptions();
        Options.Validate();
    }

    /// <summary>The liquidity options.</summary>
    public LiquidityOptions Options { get; }

    /// <inheritdoc/>
    public override CascadeModelKind Kind => CascadeModelKind.Funding;

    /// <inheritdoc/>
    public override ShockChannels Accepts => ShockChannels.Withdrawal | ShockChannels.Failure;

    private protected override PreparedCascade PrepareCore(FinancingNetwork network) =>
        new ThresholdCascadeEngine(this, network, ModelSettings.Of(ModelSettings.Liquidity(Options)), Options, null);
}
