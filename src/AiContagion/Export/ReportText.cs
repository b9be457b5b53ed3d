using System.Globalization;

namespace AiContagion.Export;

/// <summary>Number formats of the report.</summary>
internal static class ReportText
{
    /// <summary>An amount: thousands separated, one decimal at most (<c>1,992.5</c>); three significant digits below 1.</summary>
    public static string Amount(double value) => Math.Abs(value) >= 1 || value == 0
        ? value.ToString("#,0.#", CultureInfo.InvariantCulture)
        : value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A share as a percentage without decimals.</summary>
    public static string Percent(double share) => share.ToString("0%", CultureInfo.InvariantCulture);

    /// <summary>An integer.</summary>
    public static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>An entity's name, or the id when the network lacks it.</summary>
    public static string Name(Model.FinancingNetwork network, string id) => network.TryGetEntity(id, out var entity) ? entity.Name : id;
}
