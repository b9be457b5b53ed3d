using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Reconstruction;

/// <summary>
/// What a reconstruction is asked: payers with their totals out (the rows), recipients with their totals in (the
/// columns), links already known, and pairs that must carry nothing. An entity may be both a payer and a recipient;
/// it never pays itself (the zero diagonal).
/// </summary>
/// <remarks>
/// <para><b>Direction.</b> A payer's total is the amount on the links leaving it (From), a recipient's the amount on
/// the links entering it (To): the estimated <c>x_ij</c> on link <c>payer i → recipient j</c> satisfy
/// <c>Σ_j x_ij = out_i</c> and <c>Σ_i x_ij = in_j</c>. For loans (From = lender) the rows are the lenders' interbank
/// assets and the columns the borrowers' liabilities, NetworkRiskMeasures' orientation; systemicrisk's liabilities
/// matrix is the transpose.</para>
/// <para><b>Checks.</b> The constructor checks each item (ids non-empty and unique on their side, totals finite and
/// non-negative, known links and forbidden pairs between a listed payer and a listed recipient, not an entity with
/// itself, no pair both known and forbidden) and throws <see cref="ReconstructionInputException"/> with every
/// problem. <see cref="Check"/> then finds whether any network can meet the totals: they must balance
/// (<c>|Σ out − Σ in| ≤ BalanceTolerance × max(Σ out, Σ in)</c>), the known links must not exceed an entity's total,
/// and the remaining totals must be reachable through the allowed pairs (Hall's condition; with only the zero
/// diagonal excluded this is <c>out_i + in_i ≤ Σ out</c> for every entity, otherwise a maximum flow decides).
/// Every method runs the same check first.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class ReconstructionProblem
{
    /// <summary>The default relative tolerance for Σ out = Σ in: 1e-9.</summary>
    public const double DefaultBalanceTolerance = 1e-9;

    private readonly double _balanceTolerance = DefaultBalanceTolerance;
    private TransportProblem? _prepared;

    /// <summary>Creates a problem with payers (rows) and recipients (columns) that may differ.</summary>
    /// <param name="payers">Each payer's id and total out.</param>
    /// <param name="recipients">Each recipient's id and total in.</param>
    /// <param name="known">Links whose amounts are known; <see langword="null"/> for none.</param>
    /// <param name="forbidden">Pairs that must carry nothing; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="payers"/> or <paramref name="recipients"/> is <see langword="null"/>.</exception>
    /// <exception cref="ReconstructionInputException">An item is invalid (every problem is listed).</exception>
    public ReconstructionProblem(IEnumerable<EntityTotal> payers, IEnumerable<EntityTotal> recipients, IEnumerable<KnownAmount>? known = null, IEnumerable<EntityPair>? forbidden = null)
    {
        ArgumentNullException.ThrowIfNull(payers);
        ArgumentNullException.ThrowIfNull(recipients);
        Payers = [.. payers];
        Recipients = [.. recipients];
        Known = known is null ? [] : [.. known];
        Forbidden = forbidden is null ? [] : [.. forbidden];
        var problems = new List<NetworkProblem>();
        var payerIndex = Index(Payers, "out", problems);
        var recipientIndex = Index(Recipients, "in", problems);
        var knownPairs = new HashSet<(string, string)>();
        foreach (var link in Known)
        {
            var subject = Describe(link.From, link.To, "known link");
            if (CheckPair(link.From, link.To, subject, payerIndex, recipientIndex, problems))
            {
                if (!double.IsFinite(link.Amount) || link.Amount < 0)
                {
                    problems.Add(new NetworkProblem(null, subject, "amount", string.Create(CultureInfo.InvariantCulture, $"{link.Amount} is not a finite non-negative amount")));
                }
                else if (!knownPairs.Add((link.From, link.To)))
                {
                    problems.Add(new NetworkProblem(null, subject, null, "is given twice; give the pair's total once"));
                }
            }
        }

        foreach (var pair in Forbidden)
        {
            var subject = Describe(pair.From, pair.To, "forbidden pair");
            if (CheckPair(pair.From, pair.To, subject, payerIndex, recipientIndex, problems) && knownPairs.Contains((pair.From, pair.To)))
            {
                problems.Add(new NetworkProblem(null, subject, null, "is also a known link; a pair is either known or forbidden"));
            }
        }

        if (problems.Count > 0)
        {
            throw new ReconstructionInputException(problems);
        }

        PayerIndex = payerIndex;
        RecipientIndex = recipientIndex;
    }

    /// <summary>
    /// A square problem: every entity both pays (its <see cref="EntityTotals.Out"/>) and receives (its
    /// <see cref="EntityTotals.In"/>), as in NetworkRiskMeasures' <c>matrix_estimation(rowsums, colsums)</c>.
    /// </summary>
    /// <param name="totals">Each entity's totals, in the order the result lists them.</param>
    /// <param name="known">Links whose amounts are known; <see langword="null"/> for none.</param>
    /// <param name="forbidden">Pairs that must carry nothing; <see langword="null"/> for none.</param>
    /// <returns>The problem.</returns>
    /// <exception cref="ReconstructionInputException">An item is invalid (every problem is listed).</exception>
    public static ReconstructionProblem FromTotals(IEnumerable<EntityTotals> totals, IEnumerable<KnownAmount>? known = null, IEnumerable<EntityPair>? forbidden = null)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var list = totals as IReadOnlyList<EntityTotals> ?? [.. totals];
        return new ReconstructionProblem(list.Select(t => new EntityTotal(t.Id, t.Out)), list.Select(t => new EntityTotal(t.Id, t.In)), known, forbidden);
    }

    /// <summary>The payers (rows) and their totals out, in input order.</summary>
    public ImmutableArray<EntityTotal> Payers { get; }

    /// <summary>The recipients (columns) and their totals in, in input order.</summary>
    public ImmutableArray<EntityTotal> Recipients { get; }

    /// <summary>The links known in advance (kept, counted in the totals).</summary>
    public ImmutableArray<KnownAmount> Known { get; }

    /// <summary>The pairs that must carry nothing (besides an entity with itself, always excluded).</summary>
    public ImmutableArray<EntityPair> Forbidden { get; }

    /// <summary>
    /// The relative tolerance of the balance Σ out = Σ in (default <see cref="DefaultBalanceTolerance"/>): totals that
    /// differ by more than this × the larger sum are refused; within it, the totals in are scaled by Σ out / Σ in
    /// before estimating, so that both sides can be met. Also the slack of the other feasibility checks.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not in [0, 0.01].</exception>
    public double BalanceTolerance
    {
        get => _balanceTolerance;
        init
        {
            if (!(value is >= 0 and <= 0.01))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The balance tolerance must lie in [0, 0.01].");
            }

            _balanceTolerance = value;
        }
    }

    /// <summary>Σ out over the payers.</summary>
    public double TotalOut => Payers.Sum(p => p.Amount);

    /// <summary>Σ in over the recipients.</summary>
    public double TotalIn => Recipients.Sum(r => r.Amount);

    internal IReadOnlyDictionary<string, int> PayerIndex { get; }

    internal IReadOnlyDictionary<string, int> RecipientIndex { get; }

    /// <summary>
    /// Whether some network meets the totals: the problems that make it impossible (unbalanced totals, known links
    /// above a total, a payer or a group of payers whose total exceeds what the recipients they may pay can take),
    /// each naming the entity and the total (<c>out</c> or <c>in</c>); empty when the totals can be met.
    /// </summary>
    /// <returns>The problems, or an empty list.</returns>
    /// <remarks>O(n + known + forbidden) with only the zero diagonal excluded; with known or forbidden pairs a maximum
    /// flow over the allowed pairs, O(V² E) at worst and far less in practice.</remarks>
    public IReadOnlyList<NetworkProblem> Check() => Prepare(throwOnProblems: false).Problems;

    /// <summary>The compact form every method works on, checked; built once.</summary>
    internal TransportProblem Prepare(bool throwOnProblems = true)
    {
        var prepared = _prepared ?? Interlocked.CompareExchange(ref _prepared, TransportProblem.Build(this), null) ?? _prepared!;
        if (throwOnProblems && prepared.Problems.Count > 0)
        {
            throw new ReconstructionInputException(prepared.Problems);
        }

        return prepared;
    }

    private static Dictionary<string, int> Index(ImmutableArray<EntityTotal> side, string field, List<NetworkProblem> problems)
    {
        var index = new Dictionary<string, int>(side.Length, StringComparer.Ordinal);
        for (var i = 0; i < side.Length; i++)
        {
            var (id, amount) = side[i];
            if (string.IsNullOrWhiteSpace(id))
            {
                problems.Add(new NetworkProblem(null, string.Create(CultureInfo.InvariantCulture, $"{(field == "out" ? "payer" : "recipient")} #{i + 1}"), "id", "missing id"));
                continue;
            }

            if (!index.TryAdd(id, i))
            {
                problems.Add(new NetworkProblem(null, id, "id", string.Create(CultureInfo.InvariantCulture, $"is listed twice (#{index[id] + 1} and #{i + 1}); give each entity once")));
            }

            if (!double.IsFinite(amount))
            {
                problems.Add(new NetworkProblem(null, id, field, string.Create(CultureInfo.InvariantCulture, $"{amount} is not a finite number")));
            }
            else if (amount < 0)
            {
                problems.Add(new NetworkProblem(null, id, field, string.Create(CultureInfo.InvariantCulture, $"{amount} is negative; a total is at least 0")));
            }
        }

        return index;
    }

    private static bool CheckPair(string from, string to, string subject, Dictionary<string, int> payers, Dictionary<string, int> recipients, List<NetworkProblem> problems)
    {
        var ok = true;
        if (from is null || !payers.ContainsKey(from))
        {
            problems.Add(new NetworkProblem(null, subject, "from", $"'{from}' is not one of the payers"));
            ok = false;
        }

        if (to is null || !recipients.ContainsKey(to))
        {
            problems.Add(new NetworkProblem(null, subject, "to", $"'{to}' is not one of the recipients"));
            ok = false;
        }

        if (ok && string.Equals(from, to, StringComparison.Ordinal))
        {
            problems.Add(new NetworkProblem(null, subject, null, "an entity never pays itself (the diagonal is always zero)"));
            ok = false;
        }

        return ok;
    }

    private static string Describe(string? from, string? to, string what) => $"{what} {from} -> {to}";
}
