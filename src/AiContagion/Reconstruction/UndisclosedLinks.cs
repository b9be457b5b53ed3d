using AiContagion.Model;

namespace AiContagion.Reconstruction;

/// <summary>
/// Fills the undisclosed links inside an existing network from known totals: for example a chip maker's revenue
/// from the cloud segment (its total in from the hyperscalers) and each hyperscaler's spend on chips (its total out
/// to the chip makers), when only some deals are public.
/// </summary>
/// <remarks>
/// <para><b>What the totals cover.</b> A payer's total is the amount on links of the given kind from it to the listed
/// recipients — not its whole spend — and a recipient's total the amount on such links into it from the listed
/// payers. The links of that kind already in the network between a listed payer and a listed recipient are known:
/// they count towards the totals and keep their amounts (parallel links of one pair are added up); the estimate
/// fills the rest. Links of other kinds are ignored. The two sides must balance (Σ payers = Σ recipients within
/// <see cref="ReconstructionProblem.BalanceTolerance"/>): totals from different sources rarely do, so scale one side
/// first and say so.</para>
/// <para><b>Direction.</b> Payer → recipient, the way money moves: for a <see cref="LinkKind.GpuPurchase"/> the buyer
/// pays the chip maker; for a <see cref="LinkKind.Loan"/> the lender is the payer.</para>
/// <para>Added links carry <see cref="AmountConfidence.Derived"/> (and, from an <see cref="EnsembleReconstruction"/>,
/// <see cref="Link.Low"/> and <see cref="Link.High"/>). Thread-safe; the network is not changed.</para>
/// </remarks>
public static class UndisclosedLinks
{
    /// <summary>The reconstruction problem: the totals, and the network's links of the kind between them as known links.</summary>
    /// <param name="network">The network.</param>
    /// <param name="kind">The kind of the links the totals cover.</param>
    /// <param name="payers">Each payer's total out to the listed recipients (known links included).</param>
    /// <param name="recipients">Each recipient's total in from the listed payers (known links included).</param>
    /// <param name="forbidden">Pairs that must stay without a link; <see langword="null"/> for none.</param>
    /// <returns>The problem.</returns>
    /// <exception cref="ReconstructionInputException">An id is not an entity of the network, or an item is invalid.</exception>
    public static ReconstructionProblem Problem(FinancingNetwork network, LinkKind kind, IEnumerable<EntityTotal> payers, IEnumerable<EntityTotal> recipients, IEnumerable<EntityPair>? forbidden = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(payers);
        ArgumentNullException.ThrowIfNull(recipients);
        var payerList = payers.ToList();
        var recipientList = recipients.ToList();
        var missing = payerList.Select(p => (p.Id, Field: "out")).Concat(recipientList.Select(r => (r.Id, Field: "in")))
            .Where(e => e.Id is not null && !network.Contains(e.Id))
            .Select(e => new NetworkProblem(null, e.Id, e.Field, "is not an entity of the network")).ToList();
        if (missing.Count > 0)
        {
            throw new ReconstructionInputException(missing);
        }

        var payerIds = payerList.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var recipientIds = recipientList.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var known = new Dictionary<(string, string), double>();
        var order = new List<(string, string)>();
        foreach (var link in network.Links)
        {
            if (link.Kind != kind || !payerIds.Contains(link.From) || !recipientIds.Contains(link.To))
            {
                continue;
            }

            var pair = (link.From, link.To);
            if (!known.TryGetValue(pair, out var amount))
            {
                order.Add(pair);
            }

            known[pair] = amount + link.Amount;
        }

        return new ReconstructionProblem(payerList, recipientList, order.Select(pair => new KnownAmount(pair.Item1, pair.Item2, known[pair])), forbidden);
    }

    /// <summary>The network with the undisclosed links estimated and added (see the remarks).</summary>
    /// <param name="network">The network.</param>
    /// <param name="kind">The kind of the links the totals cover, and of the links added.</param>
    /// <param name="payers">Each payer's total out to the listed recipients (known links included).</param>
    /// <param name="recipients">Each recipient's total in from the listed payers (known links included).</param>
    /// <param name="method">The estimate; <see langword="null"/> for <see cref="MaximumEntropyReconstruction"/> with its defaults.</param>
    /// <param name="forbidden">Pairs that must stay without a link; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>A new network: the old one plus the estimated links.</returns>
    /// <exception cref="ReconstructionInputException">An id is not an entity of the network, an item is invalid, or no links can meet the totals.</exception>
    /// <exception cref="ReconstructionConvergenceException">The method did not converge.</exception>
    public static FinancingNetwork Fill(
        FinancingNetwork network,
        LinkKind kind,
        IEnumerable<EntityTotal> payers,
        IEnumerable<EntityTotal> recipients,
        INetworkReconstruction? method = null,
        IEnumerable<EntityPair>? forbidden = null,
        CancellationToken cancellationToken = default)
    {
        var problem = Problem(network, kind, payers, recipients, forbidden);
        var result = (method ?? new MaximumEntropyReconstruction()).Estimate(problem, cancellationToken);
        return result.AddTo(network, kind);
    }
}
