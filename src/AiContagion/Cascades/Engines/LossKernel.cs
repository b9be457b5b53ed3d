using AiContagion.Model;

namespace AiContagion.Cascades.Engines;

/// <summary>
/// The solvency channel's loss kernel: when entity j fails, which creditors lose how much — a compact row per j of
/// (creditor, loss) pairs, read in order. The threshold engine charges each loss to the creditor's capital; the two
/// kernels are the two ways the models read a claim.
/// </summary>
/// <remarks>Immutable once built; shared by every run of a prepared model.</remarks>
internal sealed class LossKernel
{
    private LossKernel(int[] start, int[] creditor, double[] loss)
    {
        Start = start;
        Creditor = creditor;
        Loss = loss;
    }

    /// <summary>Row j is <c>Start[j] .. Start[j + 1] − 1</c>.</summary>
    public int[] Start { get; }

    /// <summary>The creditor of each entry.</summary>
    public int[] Creditor { get; }

    /// <summary>The loss of each entry, in the network's unit.</summary>
    public double[] Loss { get; }

    /// <summary>
    /// Credit-loss cascades (<see cref="CreditLossCascade"/>, <see cref="ChainCascade"/>): one entry per claim link
    /// i → j into the failed entity j, in the index's in-link order, with loss <c>(1 − R_kind) · amount</c>. Amounts
    /// count: a creditor loses what it lent or invested, less the recovery of that link's kind.
    /// </summary>
    /// <param name="index">The network's index.</param>
    /// <param name="claims">The claim links into each entity (the kernel shares their row starts).</param>
    /// <param name="lossGivenDefault">Per <see cref="LinkKind"/> (by value), <c>1 − R</c>.</param>
    /// <param name="stakeCapital">
    /// With the stake-loss channel (<see cref="SolvencyOptions.StakeLosses"/>), each entity's capital (its book equity
    /// where it has no valuation): an Equity link with a share then loses <c>max((1 − R) · amount, share · value)</c>,
    /// value = the issuer's valuation, else its capital when finite; <see langword="null"/> without the channel.
    /// </param>
    /// <returns>The kernel.</returns>
    public static LossKernel ClaimAmounts(NetworkIndex index, ClaimRows claims, double[] lossGivenDefault, double[]? stakeCapital = null)
    {
        var creditor = new int[claims.Link.Length];
        var loss = new double[claims.Link.Length];
        var shares = stakeCapital is null ? null : index.Terms.Share;
        var valuation = index.EntityTerms.Valuation;
        for (var c = 0; c < creditor.Length; c++)
        {
            var l = claims.Link[c];
            creditor[c] = index.LinkFrom[l];
            loss[c] = lossGivenDefault[(int)index.Kind[l]] * claims.Amount[c];
            if (shares is not null && index.Kind[l] == LinkKind.Equity && !double.IsNaN(shares[l]))
            {
                var issuer = index.LinkTo[l];
                var value = !double.IsNaN(valuation[issuer]) ? valuation[issuer]
                    : double.IsFinite(stakeCapital![issuer]) ? Math.Max(0, stakeCapital[issuer])
                    : double.NaN;
                if (shares[l] * value > loss[c])
                {
                    loss[c] = shares[l] * value;
                }
            }
        }

        return new LossKernel(claims.Start, creditor, loss);
    }

    /// <summary>
    /// Gai–Kapadia (<see cref="GaiKapadiaCascade"/>): one entry per distinct holder i of a positive claim on the failed
    /// entity j, in index order, with loss <c>(1 − R) · A_i / j_i</c> — holder i's interbank assets <c>A_i</c> (Σ its
    /// positive claim links) spread evenly over its <c>j_i</c> distinct debtors, as in the paper. Amounts do not
    /// count beyond <c>A_i</c>: the model counts counterparties.
    /// </summary>
    /// <param name="index">The network's index.</param>
    /// <param name="claims">The claim links into each entity.</param>
    /// <param name="recovery">The recovery rate R in [0, 1].</param>
    /// <returns>The kernel.</returns>
    public static LossKernel CounterpartyShares(NetworkIndex index, ClaimRows claims, double recovery)
    {
        var n = index.EntityCount;

        // Interbank assets A_i and distinct debtors j_i of each holder i (claim links i → j with a positive amount).
        var assets = new double[n];
        var debtors = new int[n];
        var holders = new List<int>();
        var start = new int[n + 1];
        var seen = new HashSet<int>();
        for (var j = 0; j < n; j++)
        {
            seen.Clear();
            for (var c = claims.Start[j]; c < claims.Start[j + 1]; c++)
            {
                var amount = claims.Amount[c];
                if (amount > 0)
                {
                    var i = index.LinkFrom[claims.Link[c]];
                    assets[i] += amount;
                    if (seen.Add(i))
                    {
                        debtors[i]++;
                    }
                }
            }

            holders.AddRange(seen.Order());
            start[j + 1] = holders.Count;
        }

        var lossPerDebtor = new double[n];
        for (var i = 0; i < n; i++)
        {
            lossPerDebtor[i] = debtors[i] > 0 ? (1.0 - recovery) * assets[i] / debtors[i] : 0.0;
        }

        var creditor = holders.ToArray();
        var loss = new double[creditor.Length];
        for (var c = 0; c < creditor.Length; c++)
        {
            loss[c] = lossPerDebtor[creditor[c]];
        }

        return new LossKernel(start, creditor, loss);
    }
}
