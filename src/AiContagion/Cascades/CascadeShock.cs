using System.Collections.Immutable;
using AiContagion.Model;

namespace AiContagion.Cascades;

/// <summary>
/// What starts a cascade: entities that withdraw (stop their outgoing links, possibly in part), entities that fail
/// outright, initial distress levels (DebtRank) and fractions of external assets lost. Every part may be empty;
/// entities are named by id.
/// </summary>
/// <remarks>
/// <para>The shock acts at round 0. Each model documents how it reads each part and rejects the parts it does not
/// understand (<see cref="ICascadeModel.Accepts"/>). An entity may appear at most once in each part; fractions and
/// distress levels must lie in [0, 1] (a withdrawal fraction in (0, 1]). Checked when a model runs
/// (<see cref="ArgumentException"/>), against the network's ids (<see cref="ArgumentException"/> naming the
/// unknown id).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record CascadeShock
{
    /// <summary>An empty shock (models still report entities that fail without any shock, e.g. negative net worth or clearing defaults).</summary>
    public static CascadeShock None { get; } = new();

    /// <summary>Entities that stop a fraction of every outgoing link.</summary>
    public ImmutableArray<Withdrawal> Withdrawals { get; init; } = [];

    /// <summary>Entities that fail at round 0 (stop every outgoing link; their claim links are impaired).</summary>
    public ImmutableArray<string> Failures { get; init; } = [];

    /// <summary>Initial distress <c>h</c> in [0, 1] per entity (DebtRank models).</summary>
    public ImmutableArray<EntityShock> Distress { get; init; } = [];

    /// <summary>Fraction in [0, 1] of external assets lost per entity.</summary>
    public ImmutableArray<EntityShock> ExternalAssetLosses { get; init; } = [];

    /// <summary>Whether the shock has no part at all.</summary>
    public bool IsEmpty => Withdrawals.IsDefaultOrEmpty && Failures.IsDefaultOrEmpty && Distress.IsDefaultOrEmpty && ExternalAssetLosses.IsDefaultOrEmpty;

    /// <summary>The parts this shock uses.</summary>
    public ShockChannels Channels =>
        (Withdrawals.IsDefaultOrEmpty ? ShockChannels.None : ShockChannels.Withdrawal)
        | (Failures.IsDefaultOrEmpty ? ShockChannels.None : ShockChannels.Failure)
        | (Distress.IsDefaultOrEmpty ? ShockChannels.None : ShockChannels.Distress)
        | (ExternalAssetLosses.IsDefaultOrEmpty ? ShockChannels.None : ShockChannels.ExternalAssets);

    /// <summary>Full withdrawal of the given entities.</summary>
    /// <param name="ids">The withdrawing entities.</param>
    /// <returns>The shock.</returns>
    public static CascadeShock Withdraw(params IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return new CascadeShock { Withdrawals = [.. ids.Select(id => new Withdrawal(id))] };
    }

    /// <summary>Partial withdrawal of the given entities, each stopping the same fraction of its outgoing links.</summary>
    /// <param name="fraction">The fraction, in (0, 1].</param>
    /// <param name="ids">The withdrawing entities.</param>
    /// <returns>The shock.</returns>
    public static CascadeShock Withdraw(double fraction, params IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return new CascadeShock { Withdrawals = [.. ids.Select(id => new Withdrawal(id, fraction))] };
    }

    /// <summary>The given entities fail at round 0.</summary>
    /// <param name="ids">The failing entities.</param>
    /// <returns>The shock.</returns>
    public static CascadeShock Fail(params IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return new CascadeShock { Failures = [.. ids] };
    }

    /// <summary>The same initial distress on every entity of a network (the "10 % on every entity" experiment).</summary>
    /// <param name="network">The network.</param>
    /// <param name="distress">The distress h, in [0, 1].</param>
    /// <returns>The shock.</returns>
    public static CascadeShock DistressAll(FinancingNetwork network, double distress)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new CascadeShock { Distress = [.. network.Entities.Select(e => new EntityShock(e.Id, distress))] };
    }

    /// <summary>The same fraction of external assets lost by every entity of a network.</summary>
    /// <param name="network">The network.</param>
    /// <param name="fraction">The fraction lost, in [0, 1].</param>
    /// <returns>The shock.</returns>
    public static CascadeShock ExternalAssetsLostByAll(FinancingNetwork network, double fraction)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new CascadeShock { ExternalAssetLosses = [.. network.Entities.Select(e => new EntityShock(e.Id, fraction))] };
    }

    /// <summary>The same fraction of external assets lost by every entity of one sector.</summary>
    /// <param name="network">The network.</param>
    /// <param name="sector">The sector hit.</param>
    /// <param name="fraction">The fraction lost, in [0, 1].</param>
    /// <returns>The shock.</returns>
    public static CascadeShock ExternalAssetsLostBySector(FinancingNetwork network, Sector sector, double fraction)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new CascadeShock { ExternalAssetLosses = [.. network.EntitiesIn(sector).Select(e => new EntityShock(e.Id, fraction))] };
    }

    /// <summary>A shock with every part of this one and of <paramref name="other"/> (an entity must not then appear twice in one part).</summary>
    /// <param name="other">The other shock.</param>
    /// <returns>The combined shock.</returns>
    public CascadeShock Combine(CascadeShock other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new CascadeShock
        {
            Withdrawals = Withdrawals.IsDefault ? other.Withdrawals : Withdrawals.AddRange(other.Withdrawals.IsDefault ? [] : other.Withdrawals),
            Failures = Failures.IsDefault ? other.Failures : Failures.AddRange(other.Failures.IsDefault ? [] : other.Failures),
            Distress = Distress.IsDefault ? other.Distress : Distress.AddRange(other.Distress.IsDefault ? [] : other.Distress),
            ExternalAssetLosses = ExternalAssetLosses.IsDefault ? other.ExternalAssetLosses : ExternalAssetLosses.AddRange(other.ExternalAssetLosses.IsDefault ? [] : other.ExternalAssetLosses),
        };
    }

    /// <summary>A one-line description, e.g. <c>withdraw vc-fund; fail bank</c>.</summary>
    /// <returns>The description, invariant culture.</returns>
    public override string ToString()
    {
        var parts = new List<string>();
        if (!Withdrawals.IsDefaultOrEmpty)
        {
            parts.Add("withdraw " + string.Join(",", Withdrawals.Select(w => w.Fraction == 1.0 ? w.Id : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{w.Id}={w.Fraction}"))));
        }

        if (!Failures.IsDefaultOrEmpty)
        {
            parts.Add("fail " + string.Join(",", Failures));
        }

        if (!Distress.IsDefaultOrEmpty)
        {
            parts.Add("distress " + string.Join(",", Distress.Select(d => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{d.Id}={d.Value}"))));
        }

        if (!ExternalAssetLosses.IsDefaultOrEmpty)
        {
            parts.Add("external-shock " + string.Join(",", ExternalAssetLosses.Select(d => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{d.Id}={d.Value}"))));
        }

        return parts.Count == 0 ? "no shock" : string.Join("; ", parts);
    }

    /// <inheritdoc/>
    public bool Equals(CascadeShock? other) =>
        other is not null
        && Normalize(Withdrawals).SequenceEqual(Normalize(other.Withdrawals))
        && Normalize(Failures).SequenceEqual(Normalize(other.Failures))
        && Normalize(Distress).SequenceEqual(Normalize(other.Distress))
        && Normalize(ExternalAssetLosses).SequenceEqual(Normalize(other.ExternalAssetLosses));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Normalize(Withdrawals).Length, Normalize(Failures).Length, Normalize(Distress).Length, Normalize(ExternalAssetLosses).Length);

    private static ImmutableArray<T> Normalize<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;
}
