namespace AiContagion.FireSales;

/// <summary>
/// The rounds engine on updated balance sheets: Cont–Schaanning threshold deleveraging
/// (<see cref="FireSaleDynamics.ThresholdDeleveraging"/>) and leverage targeting (<see cref="FireSaleDynamics.LeverageTargeting"/>,
/// the same engine with trigger = target = pre-shock leverage, α = 1, linear impact).
/// </summary>
/// <remarks>
/// <para><b>State</b>: each holding's market value <c>Π_ik</c>, each firm's equity <c>C_i</c> and non-tradable assets
/// <c>I_i</c> (total assets − holdings, less the shock's external and equity losses), each price <c>S_k</c>.</para>
/// <para><b>Round</b> (FinNetValu's scheme of Cont–Schaanning, with the loss taken row by row for several assets):
/// <c>λ_i = (Σ_k Π_ik + I_i)/C_i</c> (∞ at C = 0); a firm with <c>λ_i &gt; λ_max,i</c>, holdings left, and equity left
/// (or <see cref="FireSaleOptions.InsolventSell"/>) sells <c>Γ_i = min(1, (Σ_k Π_ik + I_i − λ_target,i C_i) / Σ_k Π_ik)</c> of
/// each holding; <c>q_k = Σ_i Γ_i Π_ik</c>; the price falls by <c>Ψ_k</c> (<see cref="PriceImpactFunction"/>); firm i loses
/// <c>L_i = (1 − (1 − α)Γ_i) Σ_k Π_ik Ψ_k</c>; <c>C_i ← max(C_i − L_i, 0)</c>, <c>Π_ik ← (1 − Γ_i) Π_ik (1 − Ψ_k)</c>,
/// <c>S_k ← S_k (1 − Ψ_k)</c>. Ends when a round's sales are at most the tolerance times the value of all holdings.</para>
/// <para><b>Attribution</b> (systemicness): each round, the (capped) loss of the firms of known equity on asset k is
/// charged to its sellers in proportion to <c>Γ_j Π_jk / q_k</c>.</para>
/// <para><b>Cost</b>: holdings are kept as units at price 1 and valued at the round's prices, so a round reads every row
/// once (twice, cache-hot, for the rows of firms that lose) and reads and writes only the sellers' rows once more:
/// O(holdings) a round, single-threaded.</para>
/// </remarks>
internal static class DeleveragingRounds
{
    public static FireSaleRun Run(FireSaleBook book, FireSaleInputs inputs, FireSaleOptions options, CancellationToken cancellationToken)
    {
        var n = book.EntityCount;
        var k = book.AssetCount;
        var h = book.Holdings;
        var targeting = options.Dynamics == FireSaleDynamics.LeverageTargeting;
        var alpha = targeting ? 1.0 : options.ImplementationShortfall;
        var linear = targeting || options.Impact == PriceImpactFunction.Linear;
        var floor = options.PriceFloor;
        var direct = book.DirectLoss(inputs);
        var run = new FireSaleRun(n, k, direct, inputs.AssetFalls);

        // Prices and holdings after the shock.
        var price = (double[])run.Prices[0].Clone();
        var depth = new double[k];
        for (var a = 0; a < k; a++)
        {
            // δ_k = (1 − B/S₀) D_k, S₀ the price when the sale starts; no room below the floor: no impact.
            var room = price[a] > floor ? 1 - (floor / price[a]) : 0.0;
            depth[a] = book.Impact[a] > 0 ? room / book.Impact[a] : double.PositiveInfinity;
        }

        var tradable = new double[n];
        for (var v = 0; v < n; v++)
        {
            for (var s = h.Start[v]; s < h.Start[v + 1]; s++)
            {
                tradable[v] += h.Amount[s] * price[h.Asset[s]];
            }
        }

        // Equity and other assets after the shock; the trigger and target leverage from the pre-shock books.
        var equity = new double[n];
        var other = new double[n];
        var maxLeverage = new double[n];
        var target = new double[n];
        var known = new bool[n];
        for (var v = 0; v < n; v++)
        {
            var e = book.Equity[v];
            known[v] = !double.IsNaN(e);
            var holdingLoss = book.Held[v] - tradable[v];
            other[v] = book.Assets[v] - book.Held[v] - (direct[v] - holdingLoss);
            equity[v] = known[v] ? Math.Max(0.0, e - direct[v]) : double.NaN;
            var initial = e > 0 ? book.Assets[v] / e : double.PositiveInfinity;
            maxLeverage[v] = targeting ? initial : options.MaxLeverage ?? initial;
            target[v] = targeting ? initial : options.TargetLeverageFraction * maxLeverage[v];
            if (known[v] && e > 0 && FireSaleBook.Reaches(direct[v], e))
            {
                equity[v] = 0;
                run.FailRound[v] = 0;
            }
            else if (known[v] && e <= 0)
            {
                // Insolvent from the start: fails in round 1, as in the cascade models; it sells everything then.
                equity[v] = 0;
                run.FailRound[v] = 1;
            }
        }

        foreach (var v in inputs.Failed)
        {
            // Failed outright: no equity left, and (InsolventSell) its holdings are liquidated, its equity known or not.
            known[v] = true;
            equity[v] = 0;
            run.FailRound[v] = 0;
        }

        // Holdings as units at price 1 (the amounts), worth units × price: a round updates the prices (K numbers) and only
        // the sellers' units, so the non-sellers' rows are read once a round and never written.
        var units = (double[])h.Amount.Clone();
        var gamma = new double[n];
        var next = new double[n];
        var q = new double[k];
        var psi = new double[k];
        var fall = new double[k];
        var after = new double[k];
        var before = new double[k];
        var charge = new double[k];
        var threshold = options.Tolerance * book.TotalHeld;
        var converged = false;

        // How much a firm sells of each holding this round (Γ), from its tradable value, other assets and equity.
        double Decide(int v)
        {
            if (!known[v] || tradable[v] <= 0 || (equity[v] <= 0 && !options.InsolventSell))
            {
                return 0;
            }

            var assets = tradable[v] + other[v];
            var leverage = equity[v] > 0 ? assets / equity[v] : double.PositiveInfinity;
            if (!(leverage > maxLeverage[v]))
            {
                return 0;
            }

            var g = equity[v] > 0 ? Math.Min(1.0, (assets - (target[v] * equity[v])) / tradable[v]) : 1.0;
            return g > 0 ? g : 0;
        }

        // Round 1's sellers and their sales.
        var sellers = 0;
        var sold = 0.0;
        for (var v = 0; v < n; v++)
        {
            gamma[v] = Decide(v);
            if (gamma[v] > 0)
            {
                sellers++;
                sold += gamma[v] * tradable[v];
                for (var s = h.Start[v]; s < h.Start[v + 1]; s++)
                {
                    q[h.Asset[s]] += gamma[v] * units[s] * price[h.Asset[s]];
                }
            }
        }

        for (var round = 1; round <= options.MaxRounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (sold <= threshold)
            {
                converged = true;
                break;
            }

            // The price impact of the round: per unit held, the value lost (fall) and the new price (after).
            for (var a = 0; a < k; a++)
            {
                var room = price[a] > floor ? 1 - (floor / price[a]) : 0.0;
                psi[a] = q[a] <= 0 || room <= 0 ? 0.0
                    : linear ? Math.Min(book.Impact[a] * q[a], room)
                    : double.IsPositiveInfinity(depth[a]) ? 0.0 : room * -double.ExpM1(-q[a] / depth[a]);
                fall[a] = price[a] * psi[a];
                after[a] = price[a] * (1 - psi[a]);
            }

            // Each firm's loss, capped at its equity left, and the loss of the firms of known equity on each asset.
            Array.Clear(charge);
            var roundLoss = 0.0;
            for (var v = 0; v < n; v++)
            {
                var first = h.Start[v];
                var last = h.Start[v + 1];
                if (first == last)
                {
                    continue;
                }

                var lost = 0.0;
                var value = 0.0;
                for (var s = first; s < last; s++)
                {
                    lost += units[s] * fall[h.Asset[s]];
                    value += units[s] * after[h.Asset[s]];
                }

                next[v] = gamma[v] == 1 ? 0.0 : (1 - gamma[v]) * value;
                var weight = 1 - ((1 - alpha) * gamma[v]);
                lost *= weight;
                if (!known[v])
                {
                    run.FireSaleLoss[v] += lost;
                    roundLoss += lost;
                    continue;
                }

                var left = equity[v] - lost;
                var remaining = left <= 1e-12 * Math.Max(equity[v], lost) ? 0.0 : left;
                var taken = equity[v] - remaining;
                run.FireSaleLoss[v] += taken;
                roundLoss += taken;
                if (remaining == 0 && equity[v] > 0 && run.FailRound[v] < 0)
                {
                    run.FailRound[v] = round;
                }

                equity[v] = remaining;
                var factor = lost > 0 ? taken / lost * weight : 0.0;
                if (factor > 0)
                {
                    for (var s = first; s < last; s++)
                    {
                        charge[h.Asset[s]] += factor * units[s] * fall[h.Asset[s]];
                    }
                }
            }

            for (var a = 0; a < k; a++)
            {
                charge[a] = q[a] > 0 ? charge[a] / q[a] : 0.0;
                run.AssetSold[a] += q[a];
                before[a] = price[a];
                price[a] = after[a];
            }

            run.Prices.Add((double[])price.Clone());
            run.Rounds.Add((sellers, sold, roundLoss));

            // This round's sellers: the loss their sales caused (pro rata on each asset), then their units shrink; and the
            // next round's sellers and sales, in the same pass over the rows.
            Array.Clear(q);
            sellers = 0;
            sold = 0.0;
            for (var v = 0; v < n; v++)
            {
                var g = gamma[v];
                var first = h.Start[v];
                var last = h.Start[v + 1];
                if (g > 0)
                {
                    var attributed = 0.0;
                    for (var s = first; s < last; s++)
                    {
                        attributed += units[s] * before[h.Asset[s]] * charge[h.Asset[s]];
                        units[s] *= 1 - g;
                    }

                    run.Systemicness[v] += g * attributed;
                    run.Sold[v] += g * tradable[v];
                }

                if (first < last)
                {
                    tradable[v] = next[v];
                }

                gamma[v] = Decide(v);
                if (gamma[v] > 0)
                {
                    sellers++;
                    sold += gamma[v] * tradable[v];
                    for (var s = first; s < last; s++)
                    {
                        q[h.Asset[s]] += gamma[v] * units[s] * price[h.Asset[s]];
                    }
                }
            }
        }

        run.Converged = converged;
        if (!converged)
        {
            run.Residual = run.Rounds.Count > 0 ? run.Rounds[^1].Sold : 0.0;
        }

        for (var v = 0; v < n; v++)
        {
            // Illiquid: nothing left to sell, still above the maximum leverage, equity left.
            run.Illiquid[v] = known[v] && equity[v] > 0 && tradable[v] == 0 && book.Held[v] > 0 && other[v] / equity[v] > maxLeverage[v];
        }

        return run;
    }
}
