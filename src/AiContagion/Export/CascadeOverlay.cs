using System.Collections.Immutable;
using System.Globalization;

namespace AiContagion.Export;

/// <summary>
/// What a cascade did, for drawing: the entities withdrawn by the shock, the round each failed entity failed
/// in, and the links brought down with their cause. Model-independent: any cascade model's result maps to it.
/// </summary>
/// <remarks>
/// <para>Entities are named by id and links by their index in <see cref="Model.FinancingNetwork.Links"/>
/// (a link's identity). Rounds count from 1 for the first entities to fail after the shock; round 0 is the
/// shock itself (the withdrawn sources and the links they stop). Cause names follow docs/concepts.md#a-link-is-down:
/// <c>Withdrawn</c> (the payer was withdrawn), <c>PayerFailed</c> (the payer failed, the flow stops),
/// <c>RecipientFailed</c> (a claim on a failed recipient is impaired); any other text is shown as given.</para>
/// <para>Immutable and thread-safe. The ids and indices are checked against a network when the overlay is
/// drawn (<see cref="DiagramOverlays.ValidateFor"/>).</para>
/// </remarks>
public sealed class CascadeOverlay
{
    /// <summary>Creates a cascade overlay.</summary>
    /// <param name="failureRounds">For each failed entity, the round it failed in (0 or more).</param>
    /// <param name="withdrawn">The entities the shock withdrew (the shocked funding sources).</param>
    /// <param name="linksDown">For each link brought down (by index), its cause and round.</param>
    /// <param name="model">The model's name for captions (e.g. <c>funding withdrawal</c>), or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">An argument, an id or a cause is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An entity or link appears twice, an id or cause is empty, or a round or index is negative.</exception>
    public CascadeOverlay(
        IEnumerable<KeyValuePair<string, int>> failureRounds,
        IEnumerable<string> withdrawn,
        IEnumerable<KeyValuePair<int, CascadeLinkDown>> linksDown,
        string? model = null)
    {
        ArgumentNullException.ThrowIfNull(failureRounds);
        ArgumentNullException.ThrowIfNull(withdrawn);
        ArgumentNullException.ThrowIfNull(linksDown);
        var rounds = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        foreach (var (id, round) in failureRounds)
        {
            OverlayChecks.Id(id, nameof(failureRounds));
            ArgumentOutOfRangeException.ThrowIfNegative(round, nameof(failureRounds));
            if (!rounds.TryAdd(id, round))
            {
                throw new ArgumentException($"The entity '{id}' is given two failure rounds.", nameof(failureRounds));
            }
        }

        var sources = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var id in withdrawn)
        {
            OverlayChecks.Id(id, nameof(withdrawn));
            sources.Add(id);
        }

        var down = ImmutableSortedDictionary.CreateBuilder<int, CascadeLinkDown>();
        foreach (var (index, link) in linksDown)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index, nameof(linksDown));
            ArgumentNullException.ThrowIfNull(link.Cause, nameof(linksDown));
            ArgumentException.ThrowIfNullOrWhiteSpace(link.Cause, nameof(linksDown));
            ArgumentOutOfRangeException.ThrowIfNegative(link.Round, nameof(linksDown));
            if (!down.TryAdd(index, link))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The link #{index} is given twice."), nameof(linksDown));
            }
        }

        FailureRounds = rounds.ToImmutable();
        Withdrawn = sources.ToImmutable();
        LinksDown = down.ToImmutable();
        Model = model;
    }

    /// <summary>The round each failed entity failed in, by entity id (ordinal order).</summary>
    public ImmutableSortedDictionary<string, int> FailureRounds { get; }

    /// <summary>The entities withdrawn by the shock, by id (ordinal order).</summary>
    public ImmutableSortedSet<string> Withdrawn { get; }

    /// <summary>The links brought down, by link index, with cause and round.</summary>
    public ImmutableSortedDictionary<int, CascadeLinkDown> LinksDown { get; }

    /// <summary>The model's name for captions, or <see langword="null"/>.</summary>
    public string? Model { get; }

    /// <summary>What the rounds are, for labels (<c>round 3</c> or a calendar month). Default <see cref="RoundUnit.Rounds"/>.</summary>
    public RoundUnit Unit { get; init; } = RoundUnit.Rounds;

    /// <summary>The last round in which an entity failed (0 when none failed).</summary>
    public int Rounds => FailureRounds.IsEmpty ? 0 : FailureRounds.Values.Max();

    /// <summary>A one-line summary such as <c>cascade: 1 withdrawn, 3 failed in 2 rounds, 8 links down</c>.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"cascade{(Model is null ? "" : " (" + Model + ")")}: {Withdrawn.Count} withdrawn, {FailureRounds.Count} failed in {Rounds} rounds, {LinksDown.Count} links down");
}

/// <summary>A link brought down by a cascade: why, and in which round.</summary>
/// <param name="Cause">The cause: <c>Withdrawn</c>, <c>PayerFailed</c>, <c>RecipientFailed</c> or another model's name for it.</param>
/// <param name="Round">The round the link went down in: the round its payer was withdrawn (0) or the round the failed entity failed.</param>
public readonly record struct CascadeLinkDown(string Cause, int Round);
