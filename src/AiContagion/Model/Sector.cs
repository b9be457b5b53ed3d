namespace AiContagion.Model;

/// <summary>
/// The economic sector of an <see cref="Entity"/>. The sector decides the default funding-source flag
/// (see <see cref="SectorFacts.IsFunderSector"/>) and the tier a diagram draws the entity in.
/// </summary>
/// <remarks>
/// The seven funder sectors are <see cref="VentureCapital"/>, <see cref="PrivateEquity"/>,
/// <see cref="PrivateCredit"/>, <see cref="Bank"/>, <see cref="PublicMarkets"/>, <see cref="Sovereign"/> and
/// <see cref="Conglomerate"/> (docs/concepts.md#links).
/// </remarks>
public enum Sector
{
    /// <summary>Designs or sells accelerators and chips (e.g. NVIDIA, AMD).</summary>
    ChipMaker,

    /// <summary>Large cloud providers with their own cash flows (e.g. Microsoft, Amazon, Oracle).</summary>
    Hyperscaler,

    /// <summary>GPU clouds and data-centre developers (e.g. CoreWeave, Nebius, Crusoe).</summary>
    Neocloud,

    /// <summary>Special-purpose vehicles and joint ventures that own data centres (e.g. Stargate LLC).</summary>
    DataCentreVehicle,

    /// <summary>Frontier model developers (e.g. OpenAI, Anthropic, xAI).</summary>
    ModelLab,

    /// <summary>Application start-ups that pay labs for model access.</summary>
    AppStartup,

    /// <summary>Venture-capital investors. A funder sector.</summary>
    VentureCapital,

    /// <summary>Private-equity investors. A funder sector.</summary>
    PrivateEquity,

    /// <summary>Private-credit lenders. A funder sector.</summary>
    PrivateCredit,

    /// <summary>Banks and bank syndicates. A funder sector.</summary>
    Bank,

    /// <summary>Bond and stock buyers in public markets. A funder sector.</summary>
    PublicMarkets,

    /// <summary>Sovereign wealth funds and state investors. A funder sector.</summary>
    Sovereign,

    /// <summary>Conglomerates that invest at scale (e.g. SoftBank). A funder sector.</summary>
    Conglomerate,

    /// <summary>Anything else.</summary>
    Other,
}
