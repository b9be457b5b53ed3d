using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Cascades;

/// <summary>
/// The random-network experiment of Gai &amp; Kapadia (2010): draw directed Erdős–Rényi banking systems of average
/// degree z, fail one bank at random, and measure how often the default spreads to at least 5 % of the system and how
/// far it goes. Sweeping z shows the paper's "window" of contagion (robust-yet-fragile).
/// </summary>
/// <remarks>
/// <para><b>System.</b> n banks, each with total assets 100, interbank assets <c>100 · InterbankAssetShare</c> spread
/// evenly over its debtors, capital <c>100 · CapitalRatio</c> (external assets make up the rest). Each ordered pair
/// (i, j) is linked with probability <c>z / (n − 1)</c>: a Loan link i → j, i.e. i holds a claim on j (DESIGN.md §2).
/// Each trial draws a network and one initially failed bank from <see cref="Random"/> seeded with
/// <c>(Seed, trial)</c>, and runs <see cref="GaiKapadiaCascade"/>.</para>
/// <para><b>Direction.</b> Losses walk claim links against their direction (a failed debtor hurts its creditors).</para>
/// <para><b>Complexity.</b> O(Trials · (n + z n)). Trials run in parallel; the result does not depend on the thread
/// count. Thread-safe.</para>
/// <para>Gai, P. &amp; Kapadia, S. (2010), "Contagion in financial networks", Proceedings of the Royal Society A
/// 466(2120), 2401–2423, doi:10.1098/rspa.2009.0410.</para>
/// </remarks>
public static class GaiKapadiaExperiment
{
    /// <summary>Runs the experiment.</summary>
    /// <param name="options">The options.</param>
    /// <param name="cancellationToken">Cancels between trials.</param>
    /// <returns>The contagion frequency and extent.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static GaiKapadiaExperimentResult Run(GaiKapadiaExperimentOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var model = new GaiKapadiaCascade(new GaiKapadiaOptions { Rule = options.Rule, Recovery = options.Recovery });
        var defaults = new int[options.Trials];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, options.Trials, parallel, trial =>
        {
            var random = new Random(HashCode.Combine(options.Seed, trial));
            var network = Draw(options, random);
            var failed = string.Create(CultureInfo.InvariantCulture, $"b{random.Next(options.Banks)}");
            defaults[trial] = model.Run(network, CascadeShock.Fail(failed), cancellationToken).EntitiesFailed;
        });

        var threshold = options.ContagionThreshold * options.Banks;
        var contagious = defaults.Where(d => d >= threshold).ToArray();
        return new GaiKapadiaExperimentResult(
            options,
            (double)contagious.Length / options.Trials,
            contagious.Length == 0 ? 0.0 : contagious.Average() / options.Banks,
            defaults.Average());
    }

    private static FinancingNetwork Draw(GaiKapadiaExperimentOptions options, Random random)
    {
        var n = options.Banks;
        var p = n > 1 ? options.AverageDegree / (n - 1) : 0.0;
        var debtors = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            debtors[i] = [];
            for (var j = 0; j < n; j++)
            {
                if (j != i && random.NextDouble() < p)
                {
                    debtors[i].Add(j);
                }
            }
        }

        var interbank = 100.0 * options.InterbankAssetShare;
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"Gai–Kapadia random system, n = {n}, z = {options.AverageDegree}"),
            Unit = "units",
        });
        for (var i = 0; i < n; i++)
        {
            builder.AddEntity(new Entity(string.Create(CultureInfo.InvariantCulture, $"b{i}"), Sector.Bank)
            {
                Capital = 100.0 * options.CapitalRatio,
                ExternalAssets = debtors[i].Count > 0 ? 100.0 - interbank : 100.0,
            });
        }

        for (var i = 0; i < n; i++)
        {
            foreach (var j in debtors[i])
            {
                builder.AddLink(
                    string.Create(CultureInfo.InvariantCulture, $"b{i}"),
                    string.Create(CultureInfo.InvariantCulture, $"b{j}"),
                    LinkKind.Loan,
                    interbank / debtors[i].Count);
            }
        }

        return builder.Build();
    }
}
