namespace AiContagion.Cascades;

/// <summary>The contagion models of this namespace; <see cref="CascadeModels.Create"/> makes one from its kind.</summary>
public enum CascadeModelKind
{
    /// <summary>Funding-withdrawal (liquidity) cascade: <see cref="FundingWithdrawalCascade"/>.</summary>
    Funding,

    /// <summary>Credit-loss cascade (Furfine sequential default): <see cref="CreditLossCascade"/>.</summary>
    Credit,

    /// <summary>Both channels at once: <see cref="ChainCascade"/>.</summary>
    Chain,

    /// <summary>Eisenberg–Noe clearing: <see cref="EisenbergNoeClearing"/>.</summary>
    EisenbergNoe,

    /// <summary>Rogers–Veraart clearing with default costs: <see cref="RogersVeraartClearing"/>.</summary>
    RogersVeraart,

    /// <summary>Single-hit DebtRank (Battiston et al. 2012): <see cref="SingleHitDebtRank"/>.</summary>
    DebtRank,

    /// <summary>Linear (differential) DebtRank (Bardoscia et al. 2015): <see cref="LinearDebtRank"/>.</summary>
    DebtRankLinear,

    /// <summary>Gai–Kapadia threshold cascade: <see cref="GaiKapadiaCascade"/>.</summary>
    GaiKapadia,

    /// <summary>Common-asset fire sales (Greenwood–Landier–Thesmar, Cont–Schaanning): <see cref="FireSaleCascade"/>.</summary>
    FireSale,

    /// <summary>Non-linear DebtRank (Bardoscia et al. 2016): <see cref="NonLinearDebtRank"/>.</summary>
    DebtRankNonLinear,
}
