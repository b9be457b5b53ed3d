using System.Collections.Immutable;
using System.Globalization;

namespace AiContagion.FireSales;

/// <summary>Options of a fire-sale run (<see cref="PreparedFireSale"/>, and the <c>fire-sale</c> cascade model).</summary>
/// <remarks>
/// <para><b>Balance sheets</b> (docs/fire-sales.md). Total assets <c>a_i</c> = the firm's holdings (the holdings layer) +
/// its external assets + the claim links it funded + the commercial links into it (the balance-sheet assets of
/// docs/concepts.md plus the holdings: give <c>externalAssets</c> net of the holdings). Equity <c>E_i</c> = its
/// <c>capital</c>; else, when <see cref="CapitalFromBalanceSheet"/> and its external assets or holdings are known,
/// <c>a_i</c> − external liabilities − debt borrowed − commercial payables; else unknown: such a firm is an unlevered
/// holder, it loses but never sells or fails, and it is left out of <c>AV</c>. Debt = <c>a_i − E_i</c>.</para>
/// </remarks>
public sealed record FireSaleOptions
{
    /// <summary>The dynamics. Default <see cref="FireSaleDynamics.ThresholdDeleveraging"/> (Cont–Schaanning).</summary>
    public FireSaleDynamics Dynamics { get; init; } = FireSaleDynamics.ThresholdDeleveraging;

    /// <summary>
    /// Price falls applied to assets in every run, asset id → fraction in [0, 1] (0.2: the asset loses 20 % of its
    /// value before anyone sells), on top of the run's own shock — the market shock a cascade model's candidates are
    /// tried under. <see langword="null"/> (default): none.
    /// </summary>
    public ImmutableSortedDictionary<string, double>? AssetShocks { get; init; }

    /// <summary>
    /// Threshold deleveraging: the leverage λ_max (total assets over equity, &gt; 1) above which a firm sells. Default
    /// 100/3 (a 3 % leverage ratio, Basel III's minimum, as Cont–Schaanning). <see langword="null"/>: each firm's own
    /// pre-shock leverage, so that any loss makes it sell.
    /// </summary>
    public double? MaxLeverage { get; init; } = 100.0 / 3.0;

    /// <summary>Threshold deleveraging: the leverage a seller returns to, as a fraction of λ_max, in (0, 1]. Default 0.95 (FinNetValu's).</summary>
    public double TargetLeverageFraction { get; init; } = 0.95;

    /// <summary>
    /// Threshold deleveraging: the implementation shortfall α in [0, 1] — the part of a round's price fall the sold part
    /// of a holding suffers (the unsold part suffers all of it). Default 0.5 (sold at the mid of the old and new price).
    /// Leverage targeting uses 1.
    /// </summary>
    public double ImplementationShortfall { get; init; } = 0.5;

    /// <summary>Threshold deleveraging: the price impact function. Default <see cref="PriceImpactFunction.Exponential"/>. Leverage targeting uses linear impact.</summary>
    public PriceImpactFunction Impact { get; init; } = PriceImpactFunction.Exponential;

    /// <summary>The rounds dynamics: the price floor B as a fraction of the pre-shock price, in [0, 1). Default 0.</summary>
    public double PriceFloor { get; init; }

    /// <summary>The rounds dynamics: whether a firm with no equity left still sells (everything). Default <see langword="true"/> (FinNetValu's <c>insolsell</c>).</summary>
    public bool InsolventSell { get; init; } = true;

    /// <summary>The price impact ℓ (≥ 0, per unit of net sales) of an asset with neither a market size nor a price impact. Default 0 (its price never moves).</summary>
    public double DefaultPriceImpact { get; init; }

    /// <summary>
    /// Whether an entity without a <c>capital</c> figure gets its balance-sheet net worth as equity (when its external
    /// assets or holdings are known). Default <see langword="true"/>, as the solvency models.
    /// </summary>
    public bool CapitalFromBalanceSheet { get; init; } = true;

    /// <summary>
    /// Relative tolerance: the rounds dynamics end when a round's sales are at most this times the value of all
    /// holdings; the linear GLT path ends when the loss still to come is at most this times the total. Default 1e-12.
    /// </summary>
    public double Tolerance { get; init; } = 1e-12;

    /// <summary>The most rounds before the run stops unconverged. Default 10,000.</summary>
    public int MaxRounds { get; init; } = 10_000;

    /// <summary>The options by name, sorted, as a result echoes them.</summary>
    /// <returns>The settings.</returns>
    public ImmutableSortedDictionary<string, string> ToSettings()
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        builder["dynamics"] = Dynamics.ToString();
        builder["assetShocks"] = AssetShocks is null || AssetShocks.IsEmpty
            ? "none"
            : string.Join(";", AssetShocks.Select(s => s.Key + "=" + Number(s.Value)));
        builder["defaultPriceImpact"] = Number(DefaultPriceImpact);
        builder["capitalFromBalanceSheet"] = CapitalFromBalanceSheet ? "true" : "false";
        builder["tolerance"] = Number(Tolerance);
        if (Dynamics == FireSaleDynamics.ThresholdDeleveraging)
        {
            builder["maxLeverage"] = MaxLeverage is { } max ? Number(max) : "initial";
            builder["targetLeverageFraction"] = Number(TargetLeverageFraction);
            builder["implementationShortfall"] = Number(ImplementationShortfall);
            builder["impact"] = Impact.ToString();
        }

        if (Dynamics is FireSaleDynamics.ThresholdDeleveraging or FireSaleDynamics.LeverageTargeting)
        {
            builder["priceFloor"] = Number(PriceFloor);
            builder["insolventSell"] = InsolventSell ? "true" : "false";
        }

        return builder.ToImmutable();
    }

    internal void Validate()
    {
        if (!Enum.IsDefined(Dynamics))
        {
            throw new ArgumentOutOfRangeException(nameof(Dynamics), Dynamics, "Unknown fire-sale dynamics.");
        }

        if (!Enum.IsDefined(Impact))
        {
            throw new ArgumentOutOfRangeException(nameof(Impact), Impact, "Unknown price impact function.");
        }

        if (MaxLeverage is { } max && (!double.IsFinite(max) || max <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLeverage), max, "The maximum leverage (assets over equity) must be a finite number above 1.");
        }

        Check(TargetLeverageFraction is > 0 and <= 1, nameof(TargetLeverageFraction), TargetLeverageFraction, "must lie in (0, 1]");
        Check(ImplementationShortfall is >= 0 and <= 1, nameof(ImplementationShortfall), ImplementationShortfall, "must lie in [0, 1]");
        Check(PriceFloor is >= 0 and < 1, nameof(PriceFloor), PriceFloor, "must lie in [0, 1)");
        Check(double.IsFinite(DefaultPriceImpact) && DefaultPriceImpact >= 0, nameof(DefaultPriceImpact), DefaultPriceImpact, "must be a finite non-negative number");
        Check(double.IsFinite(Tolerance) && Tolerance > 0, nameof(Tolerance), Tolerance, "must be a positive number");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxRounds, nameof(MaxRounds));
        foreach (var (id, fall) in AssetShocks ?? ImmutableSortedDictionary<string, double>.Empty)
        {
            Check(fall is >= 0 and <= 1, nameof(AssetShocks), fall, $"the price fall of '{id}' must lie in [0, 1]");
        }
    }

    private static void Check(bool ok, string name, double value, string rule)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} {rule}; got {value}."));
        }
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
