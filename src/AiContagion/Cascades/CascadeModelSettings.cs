namespace AiContagion.Cascades;

/// <summary>
/// The options of every model in one record, so a caller (the command line, the Monte Carlo stress module) can make
/// "the chosen model" with <see cref="CascadeModels.Create"/>. Each model reads only its own part.
/// </summary>
public sealed record CascadeModelSettings
{
    /// <summary>Funding and chain cascades. Default: <see cref="LiquidityOptions"/> defaults.</summary>
    public LiquidityOptions Liquidity { get; init; } = new();

    /// <summary>Credit-loss and chain cascades. Default: <see cref="SolvencyOptions"/> defaults.</summary>
    public SolvencyOptions Solvency { get; init; } = new();

    /// <summary>Eisenberg–Noe clearing. Default: <see cref="ClearingOptions"/> defaults.</summary>
    public ClearingOptions Clearing { get; init; } = new();

    /// <summary>Rogers–Veraart clearing. Default: <see cref="RogersVeraartOptions"/> defaults.</summary>
    public RogersVeraartOptions RogersVeraart { get; init; } = new();

    /// <summary>The three DebtRank models. Default: <see cref="DebtRankOptions"/> defaults.</summary>
    public DebtRankOptions DebtRank { get; init; } = new();

    /// <summary>Gai–Kapadia cascade. Default: <see cref="GaiKapadiaOptions"/> defaults.</summary>
    public GaiKapadiaOptions GaiKapadia { get; init; } = new();

    /// <summary>The fire-sale model. Default: <see cref="AiContagion.FireSales.FireSaleOptions"/> defaults.</summary>
    public AiContagion.FireSales.FireSaleOptions FireSale { get; init; } = new();
}
