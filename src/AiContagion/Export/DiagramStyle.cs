using AiContagion.Model;

namespace AiContagion.Export;

/// <summary>
/// The colours, names and sizes diagrams use, in one place so the DOT, the legend and the charts agree.
/// Sector fills avoid reds, which mean failure.
/// </summary>
internal static class DiagramStyle
{
    public const string FontName = "Helvetica";
    public const string ClaimColor = "#34495e";
    public const string CommercialColor = "#7f8c8d";
    public const string DownColor = "#d62728";
    public const string CutColor = "#1f4e9a";
    public const string DominatorColor = "#6a3d9a";
    public const string WithdrawnFill = "#3b3b3b";
    public const string NodeBorder = "#555555";
    public const string DirectColor = "#1f77b4";

    /// <summary>Failure-round fills: round 1 darkest, later rounds lighter; the last applies to every later round.</summary>
    private static readonly string[] RoundFills = ["#b30000", "#e34a33", "#fc8d59", "#fdbb84", "#fdd49e"];

    /// <summary>The fill colour of a sector.</summary>
    public static string SectorFill(Sector sector) => sector switch
    {
        Sector.ChipMaker => "#9ecae1",
        Sector.Hyperscaler => "#8dd3c7",
        Sector.Neocloud => "#80b1d3",
        Sector.DataCentreVehicle => "#bebada",
        Sector.ModelLab => "#e7cbe8",
        Sector.AppStartup => "#ffffb3",
        Sector.VentureCapital => "#ccebc5",
        Sector.PrivateEquity => "#b3de69",
        Sector.PrivateCredit => "#d9ef8b",
        Sector.Bank => "#e5d8bd",
        Sector.PublicMarkets => "#d9d9d9",
        Sector.Sovereign => "#c7e9b4",
        Sector.Conglomerate => "#f2f2f2",
        _ => "#ffffff",
    };

    /// <summary>A sector's name for people.</summary>
    public static string SectorName(Sector sector) => sector switch
    {
        Sector.ChipMaker => "Chipmaker",
        Sector.Hyperscaler => "Hyperscaler",
        Sector.Neocloud => "Neocloud",
        Sector.DataCentreVehicle => "Data-centre vehicle",
        Sector.ModelLab => "Model lab",
        Sector.AppStartup => "Application start-up",
        Sector.VentureCapital => "Venture capital",
        Sector.PrivateEquity => "Private equity",
        Sector.PrivateCredit => "Private credit",
        Sector.Bank => "Bank",
        Sector.PublicMarkets => "Public markets",
        Sector.Sovereign => "Sovereign",
        Sector.Conglomerate => "Conglomerate",
        _ => "Other",
    };

    /// <summary>The caption of a tier (<see cref="SectorFacts.Tier"/>).</summary>
    public static string TierName(int tier) => tier switch
    {
        0 => "Funders",
        1 => "Application start-ups",
        2 => "Model labs",
        3 => "Clouds and data centres",
        4 => "Chipmakers",
        _ => "Other",
    };

    /// <summary>The fill of an entity that failed in <paramref name="round"/> (0 or 1 darkest).</summary>
    public static string RoundFill(int round) => RoundFills[Math.Clamp(round - 1, 0, RoundFills.Length - 1)];

    /// <summary>Whether text on a round's fill should be white.</summary>
    public static bool RoundNeedsLightText(int round) => round <= 2;

    /// <summary>How many distinct round colours there are (later rounds share the last).</summary>
    public static int RoundColours => RoundFills.Length;

    /// <summary>
    /// Pen width of a link: 1 + 4 · ln(1 + amount) / ln(1 + largest amount shown), so widths run from 1 to 5
    /// and a link ten times larger is visibly, not ten times, wider.
    /// </summary>
    public static double PenWidth(double amount, double largest) =>
        largest <= 0 ? 1 : 1 + (4 * Math.Log(1 + amount) / Math.Log(1 + largest));
}
