using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Cascades;

/// <summary>
/// A <see cref="CascadeShock"/> resolved against one network: entity indices instead of ids, each part sorted by
/// entity index (so every run walks the shock in the same order whatever the order it was written in).
/// </summary>
internal sealed class ResolvedShock
{
    private ResolvedShock(
        int[] withdrawn,
        double[] withdrawnFractions,
        int[] failed,
        int[] distressed,
        double[] distressValues,
        int[] externallyHit,
        double[] externalFractions)
    {
        Withdrawn = withdrawn;
        WithdrawnFractions = withdrawnFractions;
        Failed = failed;
        Distressed = distressed;
        DistressValues = distressValues;
        ExternallyHit = externallyHit;
        ExternalFractions = externalFractions;
        Shocked = [.. withdrawn.Concat(failed).Concat(distressed).Concat(externallyHit).Distinct().Order()];
    }

    public int[] Withdrawn { get; }

    public double[] WithdrawnFractions { get; }

    public int[] Failed { get; }

    public int[] Distressed { get; }

    public double[] DistressValues { get; }

    public int[] ExternallyHit { get; }

    public double[] ExternalFractions { get; }

    /// <summary>Every entity the shock names, sorted, distinct.</summary>
    public int[] Shocked { get; }

    public ShockChannels Channels =>
        (Withdrawn.Length > 0 ? ShockChannels.Withdrawal : ShockChannels.None)
        | (Failed.Length > 0 ? ShockChannels.Failure : ShockChannels.None)
        | (Distressed.Length > 0 ? ShockChannels.Distress : ShockChannels.None)
        | (ExternallyHit.Length > 0 ? ShockChannels.ExternalAssets : ShockChannels.None);

    /// <summary>Resolves and validates a shock.</summary>
    /// <exception cref="ArgumentException">An unknown id, a repeated id within one part, or a value out of range.</exception>
    public static ResolvedShock Resolve(FinancingNetwork network, CascadeShock shock)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(shock);
        var withdrawals = shock.Withdrawals.IsDefault ? [] : shock.Withdrawals;
        var failures = shock.Failures.IsDefault ? [] : shock.Failures;
        var distress = shock.Distress.IsDefault ? [] : shock.Distress;
        var external = shock.ExternalAssetLosses.IsDefault ? [] : shock.ExternalAssetLosses;

        var (withdrawn, fractions) = Sorted(network, "withdrawal", withdrawals.Select(w => (w.Id, w.Fraction)), allowZero: false);
        var (failed, _) = Sorted(network, "failure", failures.Select(id => (id, 1.0)), allowZero: false);
        var (distressed, distressValues) = Sorted(network, "distress", distress.Select(d => (d.Id, d.Value)), allowZero: true);
        var (hit, hitFractions) = Sorted(network, "external-asset loss", external.Select(d => (d.Id, d.Value)), allowZero: true);
        return new ResolvedShock(withdrawn, fractions, failed, distressed, distressValues, hit, hitFractions);
    }

    /// <summary>A shock built from entity indices (the ranking's candidates); indices must be valid and distinct.</summary>
    public static ResolvedShock FromIndices(int[] withdrawn, double withdrawalFraction, int[] failed)
    {
        var w = withdrawn.Order().ToArray();
        var f = failed.Order().ToArray();
        return new ResolvedShock(w, [.. w.Select(_ => withdrawalFraction)], f, [], [], [], []);
    }

    /// <summary>
    /// A shock built from entity indices by the library's own callers (the Monte Carlo stress module): each part's
    /// indices must be valid and distinct, its values in range; every part is sorted by entity here.
    /// </summary>
    public static ResolvedShock FromIndices(
        int[] withdrawn,
        double[] withdrawnFractions,
        int[] failed,
        int[] distressed,
        double[] distressValues,
        int[] externallyHit,
        double[] externalFractions)
    {
        static (int[], double[]) Sort(int[] entities, double[] values)
        {
            var e = (int[])entities.Clone();
            var v = (double[])values.Clone();
            Array.Sort(e, v);
            return (e, v);
        }

        var (w, wf) = Sort(withdrawn, withdrawnFractions);
        var (d, dv) = Sort(distressed, distressValues);
        var (x, xf) = Sort(externallyHit, externalFractions);
        return new ResolvedShock(w, wf, failed.Order().ToArray(), d, dv, x, xf);
    }

    /// <summary>Throws when the shock uses a part the model does not understand.</summary>
    public void EnsureAccepted(ShockChannels accepted, string modelName)
    {
        var refused = Channels & ~accepted;
        if (refused != ShockChannels.None)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The {modelName} model does not accept a {Describe(refused)} shock (it accepts: {Describe(accepted)})."));
        }
    }

    /// <summary>The shock back in id form.</summary>
    public CascadeShock ToShock(FinancingNetwork network) => new()
    {
        Withdrawals = [.. Withdrawn.Select((v, i) => new Withdrawal(network.Entities[v].Id, WithdrawnFractions[i]))],
        Failures = [.. Failed.Select(v => network.Entities[v].Id)],
        Distress = [.. Distressed.Select((v, i) => new EntityShock(network.Entities[v].Id, DistressValues[i]))],
        ExternalAssetLosses = [.. ExternallyHit.Select((v, i) => new EntityShock(network.Entities[v].Id, ExternalFractions[i]))],
    };

    private static string Describe(ShockChannels channels)
    {
        var names = new List<string>();
        if (channels.HasFlag(ShockChannels.Withdrawal))
        {
            names.Add("withdrawal");
        }

        if (channels.HasFlag(ShockChannels.Failure))
        {
            names.Add("failure");
        }

        if (channels.HasFlag(ShockChannels.Distress))
        {
            names.Add("distress");
        }

        if (channels.HasFlag(ShockChannels.ExternalAssets))
        {
            names.Add("external-asset");
        }

        return names.Count == 0 ? "no" : string.Join(", ", names);
    }

    private static (int[] Entities, double[] Values) Sorted(FinancingNetwork network, string part, IEnumerable<(string Id, double Value)> items, bool allowZero)
    {
        // A shock on every entity (or a sector) names them in network order: each id is first tried as the entity after
        // the previous one (one string comparison, no hashing), and while they ascend they are distinct and sorted, so
        // no set of seen entities and no sort is needed. Out of order, the set takes over. Same errors, same order.
        var entities = new List<int>();
        var values = new List<double>();
        HashSet<int>? seen = null;
        var previous = -1;
        var count = network.EntityCount;
        foreach (var (id, value) in items)
        {
            if (id is null)
            {
                throw new ArgumentException($"A {part} in the shock has no entity id.");
            }

            var v = previous + 1 < count && string.Equals(network.Entities[previous + 1].Id, id, StringComparison.Ordinal) ? previous + 1 : network.IndexOf(id);
            if (v < 0)
            {
                throw new ArgumentException($"The shock's {part} names '{id}', which is not an entity of the network.");
            }

            if (!double.IsFinite(value) || value < 0 || value > 1 || (!allowZero && value == 0))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The shock's {part} of '{id}' is {value}; expected a number in {(allowZero ? "[0, 1]" : "(0, 1]")}."));
            }

            if (seen is not null || v <= previous)
            {
                seen ??= [.. entities];
                if (!seen.Add(v))
                {
                    throw new ArgumentException($"The shock names '{id}' twice in its {part}s.");
                }
            }

            entities.Add(v);
            values.Add(value);
            previous = v;
        }

        var entityArray = entities.ToArray();
        var valueArray = values.ToArray();
        if (seen is not null)
        {
            Array.Sort(entityArray, valueArray);
        }

        return (entityArray, valueArray);
    }
}
