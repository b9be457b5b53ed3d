namespace AiContagion.Model;

/// <summary>Facts about <see cref="Sector"/> values: funder class, diagram tier, parsing.</summary>
public static class SectorFacts
{
    private static readonly Sector[] AllValues = Enum.GetValues<Sector>();

    /// <summary>Every sector, in declaration order.</summary>
    public static IReadOnlyList<Sector> All => AllValues;

    /// <summary>
    /// Whether entities of this sector are funding sources by default: VentureCapital, PrivateEquity,
    /// PrivateCredit, Bank, PublicMarkets, Sovereign or Conglomerate.
    /// </summary>
    /// <param name="sector">The sector.</param>
    /// <returns><see langword="true"/> for the seven funder sectors.</returns>
    public static bool IsFunderSector(this Sector sector) => sector is Sector.VentureCapital or Sector.PrivateEquity
        or Sector.PrivateCredit or Sector.Bank or Sector.PublicMarkets or Sector.Sovereign or Sector.Conglomerate;

    /// <summary>
    /// The tier of the chain, in the order money flows: 0 funders, 1 application start-ups, 2 model labs,
    /// 3 clouds and data centres, 4 chipmakers, 5 other. Diagrams draw tiers left to right.
    /// </summary>
    /// <param name="sector">The sector.</param>
    /// <returns>The tier number, 0 to 5.</returns>
    public static int Tier(this Sector sector) => sector switch
    {
        Sector.VentureCapital or Sector.PrivateEquity or Sector.PrivateCredit or Sector.Bank
            or Sector.PublicMarkets or Sector.Sovereign or Sector.Conglomerate => 0,
        Sector.AppStartup => 1,
        Sector.ModelLab => 2,
        Sector.Hyperscaler or Sector.Neocloud or Sector.DataCentreVehicle => 3,
        Sector.ChipMaker => 4,
        _ => 5,
    };

    /// <summary>
    /// Parses a sector name. Case, spaces, hyphens and underscores are ignored, so <c>VentureCapital</c>,
    /// <c>venture-capital</c> and <c>venture capital</c> all name <see cref="Sector.VentureCapital"/>.
    /// Numbers are not accepted.
    /// </summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="sector">The sector, when the result is <see langword="true"/>.</param>
    /// <returns>Whether <paramref name="text"/> names a sector.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out Sector sector) => NameParsing.TryParse(text, AllValues, out sector);

    /// <summary>The canonical names of every sector, for error messages.</summary>
    public static string AllNames => string.Join(", ", AllValues);
}
