namespace AiContagion.FireSales;

/// <summary>
/// The closed forms of Greenwood, Landier &amp; Thesmar (2015), on the pre-shock balance sheets of a
/// <see cref="FireSaleBook"/>: one round (<see cref="FireSaleDynamics.GreenwoodOneRound"/>) and the linear iteration to
/// its fixed point (<see cref="FireSaleDynamics.GreenwoodLinear"/>).
/// </summary>
/// <remarks>
/// <para>Notation (positive = loss): <c>X</c> the holdings (N × K, market values), <c>a</c> total assets, <c>M = A⁻¹X</c>,
/// <c>b = (a − E)/E</c>, <c>L = diag(ℓ)</c>, <c>f</c> the price falls, <c>x⁰</c> the direct losses. A firm that loses
/// <c>x</c> sells <c>b x</c> of its book pro rata to M, i.e. <c>b x · X_ik / a_i</c> of asset k; so the round map is
/// <c>φ = X′ diag(b/a) x</c> (net sales), <c>Δp = L φ</c>, <c>y = X Δp</c>. Every pass is one sweep of the holdings
/// rows: O(holdings).</para>
/// <para>Linear fixed point: <c>Y = Σ_{t≥1} K^t x⁰ = X L Φ</c> with <c>Φ = (I − G L)⁻¹ φ⁰</c>, <c>G = X′ diag(b/a) X</c>
/// (K × K, symmetric, never formed). With <c>w = L^½ Φ</c>: <c>(I − S) w = L^½ φ⁰</c>, <c>S = L^½ G L^½</c> symmetric
/// positive semi-definite, solved by conjugate gradients (a direction of non-positive curvature proves
/// <c>ρ(S) = ρ(K) ≥ 1</c>: no fixed point). ρ is found by power iteration on S with the Rayleigh quotient.</para>
/// </remarks>
internal static class GreenwoodLandierThesmar
{
    public static FireSaleRun Run(FireSaleBook book, FireSaleInputs inputs, FireSaleOptions options, bool iterate, CancellationToken cancellationToken)
    {
        var n = book.EntityCount;
        var k = book.AssetCount;
        var h = book.Holdings;
        var d = book.LeverageOverAssets;
        var direct = book.DirectLoss(inputs);
        var run = new FireSaleRun(n, k, direct, inputs.AssetFalls);
        foreach (var v in inputs.Failed)
        {
            run.FailRound[v] = 0;
        }

        MarkFailed(book, run, direct, 0);

        // c_k = ℓ_k Σ_{i of known equity} X_ik: the loss to the firms of known equity per unit sold of asset k.
        var c = new double[k];
        for (var v = 0; v < n; v++)
        {
            if (!double.IsNaN(book.Equity[v]))
            {
                for (var s = h.Start[v]; s < h.Start[v + 1]; s++)
                {
                    c[h.Asset[s]] += h.Amount[s];
                }
            }
        }

        for (var a = 0; a < k; a++)
        {
            c[a] *= book.Impact[a];
        }

        var phi = new double[k];
        var dp = new double[k];
        var x = (double[])direct.Clone();
        var y = new double[n];
        var cumulative = new double[k];
        var total = new double[n];
        double[]? closedForm = null;
        double closedTotal = 0;
        if (iterate)
        {
            closedForm = FixedPoint(book, direct, cancellationToken, out var spectral, out var solved);
            run.SpectralRadius = spectral;
            run.Converged = solved;
            if (solved)
            {
                closedTotal = closedForm.Sum();
            }
        }

        var rounds = iterate ? options.MaxRounds : 1;
        for (var t = 1; t <= rounds; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sellers = Sales(book, x, phi, out var sold, run.Sold);
            for (var a = 0; a < k; a++)
            {
                dp[a] = book.Impact[a] * phi[a];
                cumulative[a] += dp[a];
                run.AssetSold[a] += phi[a];
            }

            var loss = Gather(h, dp, y);
            var prices = new double[k];
            for (var a = 0; a < k; a++)
            {
                prices[a] = 1 - inputs.AssetFalls[a] - cumulative[a];
            }

            run.Prices.Add(prices);
            run.Rounds.Add((sellers, sold, loss));
            for (var v = 0; v < n; v++)
            {
                total[v] += y[v];
            }

            MarkFailed(book, run, direct, t, total);
            (x, y) = (y, x);
            if (!iterate)
            {
                break;
            }

            var done = run.Converged
                ? closedTotal - total.Sum() <= options.Tolerance * closedTotal || loss == 0
                : !double.IsFinite(loss) || loss == 0 || AllLeveredFailed(book, run);
            if (done)
            {
                break;
            }

            if (t == rounds && !run.Converged)
            {
                run.Residual = loss;
            }
        }

        if (closedForm is not null && run.Converged)
        {
            // The fixed point in closed form; the rounds only trace the way to it.
            total = closedForm;
            var price = run.Prices[^1];
            var sales = new double[k];
            var dTotal = new double[n];
            for (var v = 0; v < n; v++)
            {
                dTotal[v] = direct[v] + total[v];
            }

            Array.Clear(run.Sold);
            Sales(book, dTotal, sales, out _, run.Sold);
            for (var a = 0; a < k; a++)
            {
                run.AssetSold[a] = sales[a];
                // The iterates approach the fixed point from above in price (sales only accumulate), so the limit is
                // never above the last iterate; a solve that lands a rounding error above it (a few ulp, seen on
                // near-zero sales) keeps the iterate, so prices never rise from round to round.
                price[a] = Math.Min(price[a], 1 - inputs.AssetFalls[a] - (book.Impact[a] * sales[a]));
            }

            MarkFailed(book, run, direct, run.Rounds.Count, total);
        }
        else if (!run.Converged)
        {
            run.Residual = run.Rounds.Count > 0 ? run.Rounds[^1].Loss : 0;
        }

        Array.Copy(total, run.FireSaleLoss, n);

        // Systemicness: S_n = (b_n/a_n) · (x⁰_n + Y_n) · Σ_k X_nk c_k (over E when the result is built).
        for (var v = 0; v < n; v++)
        {
            if (d[v] == 0)
            {
                continue;
            }

            var reach = 0.0;
            for (var s = h.Start[v]; s < h.Start[v + 1]; s++)
            {
                reach += h.Amount[s] * c[h.Asset[s]];
            }

            run.Systemicness[v] = d[v] * (direct[v] + (iterate ? total[v] : 0.0)) * reach;
        }

        return run;
    }

    /// <summary>Net sales <c>φ = X′ diag(b/a) x</c>; adds each firm's tradable sales <c>(b/a) x Σ_k X_ik</c> to <paramref name="soldByFirm"/>; returns the number of sellers.</summary>
    private static int Sales(FireSaleBook book, double[] x, double[] phi, out double sold, double[] soldByFirm)
    {
        var h = book.Holdings;
        Array.Clear(phi);
        var sellers = 0;
        sold = 0;
        for (var v = 0; v < book.EntityCount; v++)
        {
            var rate = book.LeverageOverAssets[v] * x[v];
            if (rate <= 0)
            {
                continue;
            }

            if (book.Held[v] > 0)
            {
                sellers++;
            }

            for (var s = h.Start[v]; s < h.Start[v + 1]; s++)
            {
                phi[h.Asset[s]] += h.Amount[s] * rate;
            }

            soldByFirm[v] += rate * book.Held[v];
            sold += rate * book.Held[v];
        }

        return sellers;
    }

    /// <summary><c>y = X Δp</c>; returns Σ y.</summary>
    private static double Gather(Model.HoldingIndex h, double[] dp, double[] y)
    {
        var sum = 0.0;
        for (var v = 0; v < y.Length; v++)
        {
            var value = 0.0;
            for (var s = h.Start[v]; s < h.Start[v + 1]; s++)
            {
                value += h.Amount[s] * dp[h.Asset[s]];
            }

            y[v] = value;
            sum += value;
        }

        return sum;
    }

    private static void MarkFailed(FireSaleBook book, FireSaleRun run, double[] direct, int round, double[]? fireSale = null)
    {
        for (var v = 0; v < book.EntityCount; v++)
        {
            var equity = book.Equity[v];
            if (run.FailRound[v] >= 0 || double.IsNaN(equity))
            {
                continue;
            }

            // A firm of non-positive equity is insolvent from the start: it fails in round 1, as in the cascade models.
            var loss = direct[v] + (fireSale?[v] ?? 0.0);
            if (equity <= 0 ? round >= 1 : loss > 0 && FireSaleBook.Reaches(loss, equity))
            {
                run.FailRound[v] = round;
            }
        }
    }

    private static bool AllLeveredFailed(FireSaleBook book, FireSaleRun run)
    {
        for (var v = 0; v < book.EntityCount; v++)
        {
            if (book.LeverageOverAssets[v] > 0 && run.FailRound[v] < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The linear fixed point <c>Y = (I − K)⁻¹ K x⁰</c> by conjugate gradients in asset space, and ρ(K).</summary>
    private static double[] FixedPoint(FireSaleBook book, double[] direct, CancellationToken cancellationToken, out double spectralRadius, out bool solved)
    {
        var k = book.AssetCount;
        var n = book.EntityCount;
        var root = new double[k];
        for (var a = 0; a < k; a++)
        {
            root[a] = Math.Sqrt(book.Impact[a]);
        }

        var scratch = new double[n];
        var rhs = new double[k];
        Sales(book, direct, rhs, out _, new double[n]);
        for (var a = 0; a < k; a++)
        {
            rhs[a] *= root[a];
        }

        spectralRadius = SpectralRadius(book, root, scratch, cancellationToken);

        // (I − S) w = rhs by conjugate gradients.
        var w = new double[k];
        var r = (double[])rhs.Clone();
        var p = (double[])rhs.Clone();
        var sp = new double[k];
        var rr = Dot(r, r);
        var stop = 1e-28 * rr;
        solved = true;
        for (var it = 0; it < (10 * k) + 100 && rr > stop && rr > 0; it++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ApplyS(book, root, p, sp, scratch);
            var curvature = 0.0;
            for (var a = 0; a < k; a++)
            {
                sp[a] = p[a] - sp[a];
                curvature += p[a] * sp[a];
            }

            if (curvature <= 0)
            {
                solved = false;
                break;
            }

            var alpha = rr / curvature;
            for (var a = 0; a < k; a++)
            {
                w[a] += alpha * p[a];
                r[a] -= alpha * sp[a];
            }

            var next = Dot(r, r);
            var beta = next / rr;
            rr = next;
            for (var a = 0; a < k; a++)
            {
                p[a] = r[a] + (beta * p[a]);
            }
        }

        solved &= rr <= stop || rr == 0;

        // Y = X L^½ w.
        for (var a = 0; a < k; a++)
        {
            w[a] *= root[a];
        }

        var y = new double[n];
        Gather(book.Holdings, w, y);
        return y;
    }

    /// <summary>S w = L^½ X′ diag(b/a) X L^½ w.</summary>
    private static void ApplyS(FireSaleBook book, double[] root, double[] w, double[] result, double[] scratch)
    {
        var h = book.Holdings;
        var d = book.LeverageOverAssets;
        Array.Clear(result);
        for (var v = 0; v < book.EntityCount; v++)
        {
            if (d[v] == 0)
            {
                continue;
            }

            var value = 0.0;
            for (var s = h.Start[v]; s < h.Start[v + 1]; s++)
            {
                value += h.Amount[s] * root[h.Asset[s]] * w[h.Asset[s]];
            }

            value *= d[v];
            scratch[v] = value;
            for (var s = h.Start[v]; s < h.Start[v + 1]; s++)
            {
                result[h.Asset[s]] += h.Amount[s] * value;
            }
        }

        for (var a = 0; a < result.Length; a++)
        {
            result[a] *= root[a];
        }
    }

    /// <summary>ρ(S) = ρ(K): power iteration from the all-ones vector (S is entrywise non-negative), Rayleigh quotient, to 1e-14 relative change or 1,000 steps.</summary>
    private static double SpectralRadius(FireSaleBook book, double[] root, double[] scratch, CancellationToken cancellationToken)
    {
        var k = book.AssetCount;
        if (k == 0)
        {
            return 0;
        }

        var v = new double[k];
        Array.Fill(v, 1 / Math.Sqrt(k));
        var z = new double[k];
        var lambda = 0.0;
        for (var it = 0; it < 1000; it++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ApplyS(book, root, v, z, scratch);
            var next = Dot(v, z);
            var norm = Math.Sqrt(Dot(z, z));
            if (norm == 0)
            {
                return 0;
            }

            for (var a = 0; a < k; a++)
            {
                v[a] = z[a] / norm;
            }

            if (it > 0 && Math.Abs(next - lambda) <= 1e-14 * Math.Abs(next))
            {
                return next;
            }

            lambda = next;
        }

        return lambda;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
