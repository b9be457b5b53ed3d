using AiContagion.Model;
using MathNet.Numerics.Distributions;

namespace AiContagion.Tests.Stress;

/// <summary>Small networks and statistics helpers shared by the stress tests.</summary>
internal static class StressNetworks
{
    /// <summary>k venture funds, each funding its own start-up (Equity 10): the draws are what the tests count.</summary>
    public static FinancingNetwork Funds(int k)
    {
        var builder = FinancingNetwork.CreateBuilder();
        for (var i = 0; i < k; i++)
        {
            builder.AddEntity(new Entity($"vc{i}", Sector.VentureCapital));
            builder.AddEntity(new Entity($"s{i}", Sector.AppStartup) { Tolerance = 0.5 });
            builder.AddLink($"vc{i}", $"s{i}", LinkKind.Equity, 10);
        }

        return builder.Build();
    }

    /// <summary>
    /// vc → startup (Equity 10) → lab (ApiSpend 2). The start-up lives on the fund (τ = 0.5: losing all of its inflow
    /// sinks it); the lab has revenue 100 and τ = 0.5, so losing the start-up's 2 never sinks it. A bank holds
    /// external assets 100 and capital 10, and a second bank the same (for external-shock tests).
    /// </summary>
    public static FinancingNetwork Chain()
    {
        var builder = FinancingNetwork.CreateBuilder();
        builder.AddEntity(new Entity("vc", Sector.VentureCapital));
        builder.AddEntity(new Entity("startup", Sector.AppStartup) { Tolerance = 0.5 });
        builder.AddEntity(new Entity("lab", Sector.ModelLab) { Tolerance = 0.5, Revenue = 100 });
        builder.AddEntity(new Entity("bank1", Sector.Other) { Capital = 10, ExternalAssets = 100 });
        builder.AddEntity(new Entity("bank2", Sector.Other) { Capital = 10, ExternalAssets = 100 });
        builder.AddLink("vc", "startup", LinkKind.Equity, 10);
        builder.AddLink("startup", "lab", LinkKind.ApiSpend, 2);
        return builder.Build();
    }

    /// <summary>
    /// Pearson's chi-square of observed counts against probabilities, bins merged left to right until each expects at
    /// least 5; returns the statistic and the 99.9 % critical value of χ²(bins − 1).
    /// </summary>
    public static (double Statistic, double Critical, int Bins) ChiSquare(IReadOnlyList<int> observed, IReadOnlyList<double> probabilities, int total)
    {
        var merged = new List<(double Observed, double Expected)>();
        double o = 0, e = 0;
        for (var j = 0; j < observed.Count; j++)
        {
            o += observed[j];
            e += probabilities[j] * total;
            if (e >= 5)
            {
                merged.Add((o, e));
                o = 0;
                e = 0;
            }
        }

        if (e > 0 || o > 0)
        {
            merged[^1] = (merged[^1].Observed + o, merged[^1].Expected + e);
        }

        var statistic = merged.Sum(b => (b.Observed - b.Expected) * (b.Observed - b.Expected) / b.Expected);
        return (statistic, ChiSquared.InvCDF(merged.Count - 1, 0.999), merged.Count);
    }
}
