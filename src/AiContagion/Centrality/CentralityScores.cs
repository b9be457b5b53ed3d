using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Centrality;

/// <summary>
/// An immutable set of centrality scores, one per entity of a <see cref="FinancingNetwork"/>: the measure that
/// produced them, the scores by entity index and by id, the ranking (<see cref="Top"/>), and, for iterative
/// measures, the iterations run and whether they converged.
/// </summary>
/// <remarks>
/// <para>Scores are stored in network order (<see cref="FinancingNetwork.Entities"/>), so
/// <c>Scores[i]</c> belongs to <c>EntityIds[i]</c>. The ranking is by score, highest first, ties broken by
/// network order, so it is deterministic.</para>
/// <para>Non-iterative measures (strength, betweenness, harmonic) report <see cref="Converged"/> =
/// <see langword="true"/> and 0 <see cref="Iterations"/>. An iterative measure that stops at its iteration cap
/// (or diverges) returns <see cref="Converged"/> = <see langword="false"/>; callers that need converged scores
/// call <see cref="EnsureConverged"/>, which throws.</para>
/// <para>Immutable and safe to share between threads.</para>
/// </remarks>
public sealed class CentralityScores
{
    private readonly Lazy<int[]> _ranking;
    private readonly FinancingNetwork _network;

    /// <summary>Creates a score set for the entities of <paramref name="network"/>.</summary>
    /// <param name="network">The network the scores belong to.</param>
    /// <param name="measure">The measure's name, e.g. <c>pagerank</c> (lower case, as the CLI spells it).</param>
    /// <param name="scores">One score per entity, in network order.</param>
    /// <param name="converged">Whether the iteration met its tolerance (<see langword="true"/> for direct measures).</param>
    /// <param name="iterations">Iterations run (0 for direct measures).</param>
    /// <param name="residual">The last convergence error (0 for direct measures).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="scores"/> does not have one value per entity, or
    /// <paramref name="measure"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="iterations"/> is negative.</exception>
    public CentralityScores(FinancingNetwork network, string measure, IReadOnlyList<double> scores, bool converged = true, int iterations = 0, double residual = 0)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrWhiteSpace(measure);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        if (scores.Count != network.EntityCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Expected {network.EntityCount} scores (one per entity), got {scores.Count}."),
                nameof(scores));
        }

        _network = network;
        Measure = measure;
        Scores = [.. scores];
        EntityIds = [.. network.Entities.Select(e => e.Id)];
        Converged = converged;
        Iterations = iterations;
        Residual = residual;
        _ranking = new Lazy<int[]>(Rank);
    }

    /// <summary>The measure that produced the scores (e.g. <c>pagerank</c>, <c>betweenness</c>).</summary>
    public string Measure { get; }

    /// <summary>The scores, in network order.</summary>
    public ImmutableArray<double> Scores { get; }

    /// <summary>The entity ids, in network order (parallel to <see cref="Scores"/>).</summary>
    public ImmutableArray<string> EntityIds { get; }

    /// <summary>Number of entities scored.</summary>
    public int Count => Scores.Length;

    /// <summary>Whether the iteration met its tolerance; always <see langword="true"/> for direct measures.</summary>
    public bool Converged { get; }

    /// <summary>Iterations run; 0 for direct measures.</summary>
    public int Iterations { get; }

    /// <summary>The convergence error after the last iteration (the l1 change for power iterations); 0 for direct measures.</summary>
    public double Residual { get; }

    /// <summary>The score of the entity with the given id.</summary>
    /// <param name="id">The entity id.</param>
    /// <exception cref="KeyNotFoundException">No entity has that id.</exception>
    public double this[string id]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(id);
            var index = _network.IndexOf(id);
            return index >= 0 ? Scores[index] : throw new KeyNotFoundException($"No score for entity '{id}'.");
        }
    }

    /// <summary>The <paramref name="count"/> highest scores, highest first; ties in network order.</summary>
    /// <param name="count">How many to return; more than <see cref="Count"/> returns all.</param>
    /// <returns>The top entities with their scores.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public IReadOnlyList<EntityScore> Top(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var ranking = _ranking.Value;
        var take = Math.Min(count, ranking.Length);
        var result = new EntityScore[take];
        for (var i = 0; i < take; i++)
        {
            var index = ranking[i];
            result[i] = new EntityScore(EntityIds[index], index, Scores[index]);
        }

        return result;
    }

    /// <summary>Every entity with its score, highest first; ties in network order.</summary>
    /// <returns>The full ranking.</returns>
    public IReadOnlyList<EntityScore> Ranking() => Top(Count);

    /// <summary>Returns this score set if it converged, otherwise throws.</summary>
    /// <returns>This instance.</returns>
    /// <exception cref="CentralityConvergenceException">The iteration did not converge.</exception>
    public CentralityScores EnsureConverged() => Converged
        ? this
        : throw new CentralityConvergenceException(
            string.Create(CultureInfo.InvariantCulture, $"{Measure} did not converge in {Iterations} iterations (last error {Residual:G6})."),
            this);

    /// <summary>A one-line summary: measure, convergence, the top three.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString()
    {
        var top = string.Join(", ", Top(3).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Id}={s.Score:G6}")));
        var state = Converged ? "converged" : "NOT converged";
        return string.Create(CultureInfo.InvariantCulture, $"{Measure} over {Count} entities ({state}, {Iterations} iterations): {top}");
    }

    private int[] Rank()
    {
        var order = new int[Scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var scores = Scores;
        Array.Sort(order, (a, b) =>
        {
            var byScore = scores[b].CompareTo(scores[a]);
            return byScore != 0 ? byScore : a.CompareTo(b);
        });
        return order;
    }
}

/// <summary>One entity's score in a <see cref="CentralityScores"/> ranking.</summary>
/// <param name="Id">The entity id.</param>
/// <param name="Index">The entity's position in <see cref="FinancingNetwork.Entities"/>.</param>
/// <param name="Score">The score.</param>
public readonly record struct EntityScore(string Id, int Index, double Score);
