using System.Globalization;
using AiContagion.Model;
using MathNet.Numerics.LinearAlgebra;

namespace AiContagion.Valuation;

/// <summary>
/// The compact form of the cross-holdings valuation and its numerics: obligations pulled by creditor and stakes pulled
/// by holder (CSR), the seniority layers of every debtor, the monotone Gauss–Seidel iteration from above, the exact
/// regime step, and the linearisation used by the sensitivities. See <see cref="CrossHoldingsValuation"/> for the model.
/// </summary>
/// <remarks>
/// <para>The whole state is the vector of firm values V: what firm i pays in layer s is
/// <c>clamp(V_i − B_is, 0, p̄_is)</c> (B = what the more senior layers take) and its equity is <c>max(0, V_i − D_i)</c>,
/// so <c>V = Φ(V)</c> with <c>Φ_i(V) = e_i + Σ_k w_k clamp(V_d(k) − B_k, 0, p̄_k) + Σ_t C_t max(0, V_issuer(t) − D_issuer(t))</c>,
/// k over the obligations owed to i (<c>w_k = L_k / p̄</c>, the creditor's pro-rata share of its layer) and t over its
/// stakes. Φ is monotone, continuous and piecewise linear.</para>
/// <para>Immutable once built; every run allocates its own vectors, so one engine serves any number of threads.</para>
/// </remarks>
internal sealed class ValuationEngine
{
    /// <summary>The largest feedback block the leap through a regime handles (its binary lifting multiplies k × k matrices).</summary>
    private const int LeapLimit = 200;

    private readonly ValuationOptions _options;

    // Obligations owed to each creditor i: CreditorStart[i] .. CreditorStart[i+1]; the debtor, the creditor's weight
    // in the debtor's layer (amount / layer total), and that layer's start and total (copied per obligation so that the
    // sweep reads them sequentially), the layer index and the amount.
    private readonly int[] _creditorStart;
    private readonly int[] _obDebtor;
    private readonly double[] _obWeight;
    private readonly double[] _obStart;
    private readonly double[] _obTotal;
    private readonly byte[] _obLayer;
    private readonly double[] _obAmount;

    // Stakes held by each holder h: HolderStart[h] .. HolderStart[h+1]; the issuer and the share.
    private readonly int[] _holderStart;
    private readonly int[] _stIssuer;
    private readonly double[] _stShare;

    /// <summary>Builds the compact form: O(n·layers + m).</summary>
    public ValuationEngine(FinancingNetwork network, ValuationOptions options)
    {
        _options = options;
        var index = network.Index;
        var n = index.EntityCount;
        var m = index.LinkCount;
        EntityCount = n;
        ExternalAssets = new double[n];
        var externalLiabilities = new double[n];
        for (var v = 0; v < n; v++)
        {
            ExternalAssets[v] = OrZero(index.ExternalAssets[v]);
            externalLiabilities[v] = OrZero(index.ExternalLiabilities[v]);
        }

        var terms = index.Terms;
        var seniority = options.SeniorityLayers ? terms.Seniority : null;
        var anyJunior = false;
        var anyExternal = false;
        for (var l = 0; seniority is not null && l < m; l++)
        {
            anyJunior |= index.Kind[l].IsDebt() && seniority[l] == DebtSeniority.Junior && index.Amount[l] > 0;
        }

        for (var v = 0; v < n; v++)
        {
            anyExternal |= externalLiabilities[v] > 0;
        }

        // The layers, most senior first; a layer no debtor uses is left out (it changes nothing).
        var names = new List<string>();
        int external, senior, junior;
        if (options.ExternalLiabilities == ExternalLiabilityRank.First && anyExternal)
        {
            names.Add("external");
        }

        // A junior layer when some debt is junior, or when external liabilities rank with (after) the senior debt.
        var juniorLayer = anyJunior || (options.ExternalLiabilities == ExternalLiabilityRank.WithJunior && anyExternal);
        senior = names.Count;
        names.Add(juniorLayer ? "senior" : "debt");
        junior = juniorLayer ? names.Count : senior;
        if (juniorLayer)
        {
            names.Add("junior");
        }

        external = options.ExternalLiabilities switch
        {
            ExternalLiabilityRank.First when anyExternal => 0,
            ExternalLiabilityRank.WithJunior => junior,
            _ => senior,
        };
        Layers = [.. names];
        var layers = Layers.Length;
        LayerCount = layers;

        // Layer totals per debtor, obligations counted per creditor.
        LayerOwed = new double[n * layers];
        _creditorStart = new int[n + 1];
        ParInflow = new double[n];
        var count = 0;
        for (var l = 0; l < m; l++)
        {
            var kind = index.Kind[l];
            var amount = index.Amount[l];
            if (!kind.HasObligation() || !(amount > 0))
            {
                continue;
            }

            var isDebt = kind.IsDebt();
            var creditor = isDebt ? index.LinkFrom[l] : index.LinkTo[l];
            var debtor = isDebt ? index.LinkTo[l] : index.LinkFrom[l];
            var layer = isDebt && seniority is not null && seniority[l] == DebtSeniority.Junior ? junior : senior;
            LayerOwed[(debtor * layers) + layer] += amount;
            ParInflow[creditor] += amount;
            _creditorStart[creditor + 1]++;
            count++;
        }

        for (var v = 0; v < n; v++)
        {
            LayerOwed[(v * layers) + external] += externalLiabilities[v];
            _creditorStart[v + 1] += _creditorStart[v];
        }

        LayerStart = new double[n * layers];
        Owed = new double[n];
        for (var v = 0; v < n; v++)
        {
            var total = 0.0;
            for (var s = 0; s < layers; s++)
            {
                LayerStart[(v * layers) + s] = total;
                total += LayerOwed[(v * layers) + s];
            }

            Owed[v] = total;
        }

        _obDebtor = new int[count];
        _obWeight = new double[count];
        _obStart = new double[count];
        _obTotal = new double[count];
        _obLayer = new byte[count];
        _obAmount = new double[count];
        LayerHasCreditors = new bool[n * layers];
        var next = _creditorStart.AsSpan(0, n).ToArray();
        for (var l = 0; l < m; l++)
        {
            var kind = index.Kind[l];
            var amount = index.Amount[l];
            if (!kind.HasObligation() || !(amount > 0))
            {
                continue;
            }

            var isDebt = kind.IsDebt();
            var creditor = isDebt ? index.LinkFrom[l] : index.LinkTo[l];
            var debtor = isDebt ? index.LinkTo[l] : index.LinkFrom[l];
            var layer = isDebt && seniority is not null && seniority[l] == DebtSeniority.Junior ? junior : senior;
            var slot = (debtor * layers) + layer;
            var k = next[creditor]++;
            _obDebtor[k] = debtor;
            _obWeight[k] = amount / LayerOwed[slot];
            _obStart[k] = LayerStart[slot];
            _obTotal[k] = LayerOwed[slot];
            _obLayer[k] = (byte)layer;
            _obAmount[k] = amount;
            LayerHasCreditors[slot] = true;
        }

        // Stakes: Equity links with a share, pulled by holder.
        _holderStart = new int[n + 1];
        HasHolders = new bool[n];
        var shares = terms.Share;
        var stakes = 0;
        for (var l = 0; l < m; l++)
        {
            if (index.Kind[l] != LinkKind.Equity)
            {
                continue;
            }

            if (shares is null || double.IsNaN(shares[l]))
            {
                EquityLinksWithoutShare++;
            }
            else if (options.IncludeStakes)
            {
                _holderStart[index.LinkFrom[l] + 1]++;
                stakes++;
            }
        }

        for (var v = 0; v < n; v++)
        {
            _holderStart[v + 1] += _holderStart[v];
        }

        _stIssuer = new int[stakes];
        _stShare = new double[stakes];
        next = _holderStart.AsSpan(0, n).ToArray();
        for (var l = 0; l < m && stakes > 0; l++)
        {
            if (index.Kind[l] == LinkKind.Equity && !double.IsNaN(shares![l]))
            {
                var t = next[index.LinkFrom[l]]++;
                _stIssuer[t] = index.LinkTo[l];
                _stShare[t] = shares[l];
                HasHolders[index.LinkTo[l]] = true;
            }
        }

        StakeCount = stakes;
    }

    /// <summary>Number of entities, n.</summary>
    public int EntityCount { get; }

    /// <summary>The layer names, most senior first.</summary>
    public string[] Layers { get; }

    /// <summary>Number of layers.</summary>
    public int LayerCount { get; }

    /// <summary>External assets per entity (0 when unknown).</summary>
    public double[] ExternalAssets { get; }

    /// <summary>What each debtor owes in each layer (external liabilities included), <c>[debtor × layers + layer]</c>.</summary>
    public double[] LayerOwed { get; }

    /// <summary>What the more senior layers take before each layer, <c>[debtor × layers + layer]</c>.</summary>
    public double[] LayerStart { get; }

    /// <summary>Whether a network creditor is owed in the layer, <c>[debtor × layers + layer]</c>.</summary>
    public bool[] LayerHasCreditors { get; }

    /// <summary>Everything each entity owes, D.</summary>
    public double[] Owed { get; }

    /// <summary>What each entity is owed inside the network, at face value.</summary>
    public double[] ParInflow { get; }

    /// <summary>Whether some entity holds a stake in the entity.</summary>
    public bool[] HasHolders { get; }

    /// <summary>Number of stakes used.</summary>
    public int StakeCount { get; }

    /// <summary>Equity links without a share (not valued).</summary>
    public int EquityLinksWithoutShare { get; }

    /// <summary>The regime code meaning "solvent" (equity positive or zero, every layer paid): the layer count.</summary>
    public int Solvent => LayerCount;

    /// <summary>
    /// The greatest fixed point for external assets <paramref name="e"/>: the values, the sweeps, the residual,
    /// whether the exact regime step ended it, and how many leaps through a regime it took.
    /// </summary>
    public (double[] Values, int Iterations, double Residual, bool Exact, int Leaps) Solve(double[] e, CancellationToken cancellationToken)
    {
        var n = EntityCount;
        var v = UpperBound(e, out var iterations, cancellationToken);
        var regime = new int[n];
        for (var i = 0; i < n; i++)
        {
            regime[i] = Regime(i, v[i]);
        }

        var tolerance = _options.Tolerance;
        var exact = false;
        var triedAtThisRegime = false;
        var work = new ExactStepWork(n);
        var sweeps = 0;
        var leaps = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (change, largest) = Sweep(v, e);
            sweeps++;
            var scale = Math.Max(1.0, largest);
            var changed = false;
            var active = 0;
            for (var i = 0; i < n; i++)
            {
                var r = Regime(i, v[i]);
                changed |= r != regime[i];
                regime[i] = r;
                active += IsActive(i, r) ? 1 : 0;
            }

            triedAtThisRegime &= !changed;
            var small = active <= _options.DenseSolveLimit && _options.DenseSolveLimit > 0;
            if (small && !triedAtThisRegime && (!changed || change <= tolerance * scale))
            {
                triedAtThisRegime = true;
                if (TryExactStep(v, e, regime, scale, work))
                {
                    exact = true;
                    break;
                }

                // Still moving, and the fixed point is not in this regime: leap to where the iterates leave it.
                if (change > tolerance * scale && active <= LeapLimit && TryLeap(v, e, regime, tolerance * scale, work))
                {
                    leaps++;
                    continue;
                }
            }

            if (change <= tolerance * scale)
            {
                break;
            }

            if (sweeps >= _options.MaxIterations)
            {
                throw new ValuationConvergenceException(
                    string.Create(CultureInfo.InvariantCulture, $"The cross-holdings valuation did not converge in {sweeps} sweeps (last change {change:G6}, tolerance {tolerance * scale:G6}); raise ValuationOptions.MaxIterations or Tolerance."),
                    "value",
                    iterations + sweeps,
                    change);
            }
        }

        return (v, iterations + sweeps, Residual(v, e), exact, leaps);
    }

    /// <summary>
    /// A value vector at or above the greatest fixed point, and a strict supersolution (Φ(z) ≤ z − δ/2): the solution
    /// of <c>z = e + A_par + δ + C z</c> (every claim at face value, every stake at full value), computed by Gauss–Seidel
    /// from 0 until its residual is at most δ/2. Since <c>(I − C)⁻¹ ≥ 0</c>, z then lies above the exact solution of
    /// the same system without δ, which bounds every fixed point of Φ.
    /// </summary>
    private double[] UpperBound(double[] e, out int iterations, CancellationToken cancellationToken)
    {
        var n = EntityCount;
        var b = new double[n];
        var largest = 0.0;
        for (var i = 0; i < n; i++)
        {
            b[i] = e[i] + ParInflow[i];
            largest = Math.Max(largest, b[i]);
        }

        var delta = 1e-9 * Math.Max(1.0, largest);
        var z = new double[n];
        iterations = 0;
        if (StakeCount == 0)
        {
            for (var i = 0; i < n; i++)
            {
                z[i] = b[i] + delta;
            }

            return z;
        }

        var holderStart = _holderStart;
        var issuer = _stIssuer;
        var share = _stShare;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < n; i++)
            {
                var x = b[i] + delta;
                for (var t = holderStart[i]; t < holderStart[i + 1]; t++)
                {
                    x += share[t] * z[issuer[t]];
                }

                z[i] = x;
            }

            iterations++;
            var residual = 0.0;
            for (var i = 0; i < n; i++)
            {
                var x = b[i] + delta;
                for (var t = holderStart[i]; t < holderStart[i + 1]; t++)
                {
                    x += share[t] * z[issuer[t]];
                }

                residual = Math.Max(residual, x - z[i]);
            }

            if (residual <= delta / 2)
            {
                return z;
            }

            if (iterations >= _options.MaxIterations)
            {
                throw new ValuationConvergenceException(
                    string.Create(CultureInfo.InvariantCulture, $"The cross-holdings valuation's upper bound (every claim at face value, every stake at full value) did not converge in {iterations} sweeps (residual {residual:G6}): the stakes come close to a closed ownership group; raise ValuationOptions.MaxIterations."),
                    "value",
                    iterations,
                    residual);
            }
        }
    }

    /// <summary>One Gauss–Seidel sweep of V ← Φ(V) in place; the largest change and the largest value.</summary>
    private (double Change, double Largest) Sweep(double[] v, double[] e)
    {
        var n = EntityCount;
        var change = 0.0;
        var largest = 0.0;
        for (var i = 0; i < n; i++)
        {
            var x = Map(i, v, e);
            change = Math.Max(change, Math.Abs(v[i] - x));
            largest = Math.Max(largest, x);
            v[i] = x;
        }

        return (change, largest);
    }

    /// <summary>Φ_i(V): external assets, what i's debtors pay it, and its shares of its issuers' equity.</summary>
    public double Map(int i, double[] v, double[] e)
    {
        var x = e[i];
        var debtor = _obDebtor;
        var start = _obStart;
        var total = _obTotal;
        var weight = _obWeight;
        for (int k = _creditorStart[i], end = _creditorStart[i + 1]; k < end; k++)
        {
            var over = v[debtor[k]] - start[k];
            if (over > 0)
            {
                x += weight[k] * Math.Min(over, total[k]);
            }
        }

        var issuer = _stIssuer;
        var share = _stShare;
        var owed = Owed;
        for (int t = _holderStart[i], end = _holderStart[i + 1]; t < end; t++)
        {
            var equity = v[issuer[t]] - owed[issuer[t]];
            if (equity > 0)
            {
                x += share[t] * equity;
            }
        }

        return x;
    }

    /// <summary>The largest |Φ(V) − V|, one Jacobi pass.</summary>
    public double Residual(double[] v, double[] e)
    {
        var residual = 0.0;
        for (var i = 0; i < EntityCount; i++)
        {
            residual = Math.Max(residual, Math.Abs(Map(i, v, e) - v[i]));
        }

        return residual;
    }

    /// <summary>
    /// The regime of entity i at value v: <see cref="Solvent"/> when <c>v ≥ D_i</c> (every layer paid; the equity moves
    /// with v), else the marginal layer s with <c>B_is ≤ v &lt; B_is + p̄_is</c> (the layers above it paid in full, those
    /// below it nothing; what it pays in s moves with v). Half-open intervals: at a boundary the regime is the one above
    /// it, so a derivative taken in this regime is the right derivative (the response to an increase).
    /// </summary>
    public int Regime(int i, double v)
    {
        if (v >= Owed[i])
        {
            return Solvent;
        }

        var layers = LayerCount;
        var regime = 0;
        for (var s = 0; s < layers; s++)
        {
            var slot = (i * layers) + s;
            if (LayerOwed[slot] > 0 && LayerStart[slot] <= v)
            {
                regime = s;
            }
        }

        return regime;
    }

    /// <summary>Whether entity i's value feeds another entity's linearly in regime r: a marginal layer some network creditor is owed in, or solvent with holders.</summary>
    public bool IsActive(int i, int r) => r == Solvent ? HasHolders[i] : LayerHasCreditors[(i * LayerCount) + r];

    /// <summary>The closed interval of values in which entity i stays in regime r.</summary>
    public (double Low, double High) Box(int i, int r)
    {
        if (r == Solvent)
        {
            return (Owed[i], double.PositiveInfinity);
        }

        var slot = (i * LayerCount) + r;
        return (LayerStart[slot], LayerStart[slot] + LayerOwed[slot]);
    }

    /// <summary>
    /// The exact regime step: with every entity held in the regime of the current iterate V (which lies at or above
    /// the greatest fixed point x*), Φ is linear, <c>V = c + A V</c>; solve it for the entities that feed back (dense
    /// LU) and compute the rest. If the system is regular and its solution y lies in the same closed regime box as V for
    /// every entity, then y = x*: y is a fixed point, so y ≤ x* ≤ V; the boxes are intervals, so x* lies in them too,
    /// where Φ equals the linear map, whose fixed point is unique (the system is regular). Otherwise (a singular system,
    /// a solution outside the boxes, above V, or with a residual above 1e-12 × scale) V is left unchanged.
    /// </summary>
    private bool TryExactStep(double[] v, double[] e, int[] regime, double scale, ExactStepWork work)
    {
        var n = EntityCount;
        var (active, a, c) = Block(e, regime, work);
        var candidate = work.Candidate;
        Array.Copy(v, candidate, n);
        var k = active.Count;
        if (k > 0)
        {
            var lu = (Matrix<double>.Build.DenseIdentity(k) - a).LU();
            if (!IsRegular(lu))
            {
                return false;
            }

            var solution = lu.Solve(c);
            for (var b = 0; b < k; b++)
            {
                if (!double.IsFinite(solution[b]))
                {
                    return false;
                }

                candidate[active[b]] = solution[b];
            }
        }

        // The others: one evaluation of Φ on the solved values (their own values feed no one linearly).
        var others = work.Others;
        for (var i = 0; i < n; i++)
        {
            others[i] = work.Local[i] < 0 ? Map(i, candidate, e) : candidate[i];
        }

        var slack = 1e-11 * scale;
        for (var i = 0; i < n; i++)
        {
            var (low, high) = Box(i, regime[i]);
            if (others[i] < low - slack || others[i] > high + slack || others[i] > v[i] + slack)
            {
                return false;
            }
        }

        if (Residual(others, e) > 1e-12 * scale)
        {
            return false;
        }

        Array.Copy(others, v, n);
        return true;
    }

    /// <summary>
    /// The leap through a regime whose fixed point lies outside it (a singular regime — a closed group of firms paying
    /// their marginal layers only to one another, losing value each round — or one whose solution leaves the boxes),
    /// where Gauss–Seidel would crawl for millions of sweeps. In the regime, Jacobi iteration on the feedback block is
    /// affine, <c>x_m = x_0 + Σ_{j&lt;m} A^j r</c> (r = the block's residual, ≤ 0 at a supersolution), so the iterates
    /// decrease monotonically; binary lifting on <c>(A^(2^t), Σ_{j&lt;2^t} A^j r)</c> finds the last iterate m for which
    /// every firm is still in its regime, and V jumps to it. That is an exact Jacobi iterate of Φ from V, so it stays at
    /// or above the greatest fixed point; the next sweep leaves the regime. Taken only while the sweeps still move by
    /// more than the tolerance and the block's residual falls by more than it (so rounding noise at a fixed point never
    /// drives a leap); a firm counts as leaving its regime within the tolerance of its boundary. O(k³ log m).
    /// </summary>
    private bool TryLeap(double[] v, double[] e, int[] regime, double tolerance, ExactStepWork work)
    {
        var n = EntityCount;
        var (active, a, c) = Block(e, regime, work);
        var k = active.Count;
        if (k == 0)
        {
            return false;
        }

        var x0 = Vector<double>.Build.Dense(k, b => v[active[b]]);
        var r = c + (a * x0) - x0;
        if (r.Maximum() > tolerance || r.Minimum() >= -tolerance)
        {
            return false; // not a supersolution of the block, or no fall beyond rounding
        }

        var candidate = work.Candidate;
        bool InRegime(Vector<double> x)
        {
            Array.Copy(v, candidate, n);
            for (var b = 0; b < k; b++)
            {
                if (x[b] < Box(active[b], regime[active[b]]).Low + tolerance)
                {
                    return false;
                }

                candidate[active[b]] = x[b];
            }

            for (var i = 0; i < n; i++)
            {
                if (work.Local[i] < 0 && Map(i, candidate, e) < Box(i, regime[i]).Low + tolerance)
                {
                    return false;
                }
            }

            return true;
        }

        // Levels: powers[t] = A^(2^t), sums[t] = Σ_{j<2^t} A^j r = x_(2^t) − x_0; grown while x_(2^t) stays in the regime.
        var powers = new List<Matrix<double>> { a };
        var sums = new List<Vector<double>> { r };
        while (powers.Count < 60 && InRegime(x0 + sums[^1]))
        {
            sums.Add(sums[^1] + (powers[^1] * sums[^1]));
            powers.Add(powers[^1] * powers[^1]);
        }

        if (powers.Count == 1)
        {
            return false;
        }

        // Lifting: from m = 0, add 2^t steps whenever the iterate stays in the regime (x_(m+n) = x_m + A^m Σ_{j<n} A^j r).
        var x = x0;
        var power = Matrix<double>.Build.DenseIdentity(k);
        for (var t = powers.Count - 2; t >= 0; t--)
        {
            var next = x + (power * sums[t]);
            if (InRegime(next))
            {
                x = next;
                power *= powers[t];
            }
        }

        Array.Copy(v, candidate, n);
        for (var b = 0; b < k; b++)
        {
            candidate[active[b]] = x[b];
        }

        for (var i = 0; i < n; i++)
        {
            v[i] = work.Local[i] < 0 ? Map(i, candidate, e) : candidate[i];
        }

        return true;
    }

    /// <summary>
    /// The feedback block of a regime: the active entities (in <c>work.Local</c> their position, −1 for the others),
    /// the block's matrix A (<c>A[a, b]</c> = how much active a's value moves per unit of active b's) and its constants
    /// c (external assets plus the constant pieces), so that <c>Φ = c + A x</c> on the block.
    /// </summary>
    private (List<int> Active, Matrix<double> A, Vector<double> C) Block(double[] e, int[] regime, ExactStepWork work)
    {
        var n = EntityCount;
        var local = work.Local;
        var active = work.Active;
        active.Clear();
        for (var i = 0; i < n; i++)
        {
            local[i] = IsActive(i, regime[i]) ? active.Count : -1;
            if (local[i] >= 0)
            {
                active.Add(i);
            }
        }

        var k = active.Count;
        var matrix = Matrix<double>.Build.Dense(k, k);
        var constants = Vector<double>.Build.Dense(k);
        for (var b = 0; b < k; b++)
        {
            var i = active[b];
            constants[b] = LinearRow(i, regime, (column, coefficient) => matrix[b, local[column]] += coefficient) + e[i];
        }

        return (active, matrix, constants);
    }

    /// <summary>
    /// Whether an LU factorisation is of a regular matrix: its smallest pivot is above 1e-10 of its largest. A singular
    /// regime (a closed group of firms paying only one another) has a continuum of fixed points, and its solve proves
    /// nothing.
    /// </summary>
    public static bool IsRegular(MathNet.Numerics.LinearAlgebra.Factorization.LU<double> lu)
    {
        var pivots = lu.U.Diagonal();
        return pivots.Count == 0 || pivots.AbsoluteMinimum() > 1e-10 * pivots.AbsoluteMaximum();
    }

    /// <summary>
    /// Row i of the linear map of a regime, <c>Φ_i(V) = e_i + c_i + Σ_j A_ij V_j</c>: reports each coefficient A_ij
    /// (j marginal in the layer i is owed in, or solvent and held by i) and returns c_i.
    /// </summary>
    public double LinearRow(int i, int[] regime, Action<int, double> coefficient)
    {
        var constant = 0.0;
        for (int k = _creditorStart[i], end = _creditorStart[i + 1]; k < end; k++)
        {
            var d = _obDebtor[k];
            var r = regime[d];
            if (r == Solvent || _obLayer[k] < r)
            {
                constant += _obAmount[k];
            }
            else if (_obLayer[k] == r)
            {
                coefficient(d, _obWeight[k]);
                constant -= _obWeight[k] * _obStart[k];
            }
        }

        for (int t = _holderStart[i], end = _holderStart[i + 1]; t < end; t++)
        {
            var issuer = _stIssuer[t];
            if (regime[issuer] == Solvent)
            {
                coefficient(issuer, _stShare[t]);
                constant -= _stShare[t] * Owed[issuer];
            }
        }

        return constant;
    }

    /// <summary>
    /// The regime's matrix A in CSR (rows pulled: <c>A_ij</c> = how much V_i moves per unit of V_j): the coefficients of
    /// <see cref="LinearRow"/> for every row. O(m).
    /// </summary>
    public (int[] RowStart, int[] Column, double[] Coefficient) RegimeMatrix(int[] regime)
    {
        var n = EntityCount;
        var rowStart = new int[n + 1];
        var columns = new List<int>();
        var coefficients = new List<double>();
        for (var i = 0; i < n; i++)
        {
            LinearRow(i, regime, (column, coefficient) =>
            {
                columns.Add(column);
                coefficients.Add(coefficient);
            });
            rowStart[i + 1] = columns.Count;
        }

        return (rowStart, [.. columns], [.. coefficients]);
    }

    private static double OrZero(double value) => double.IsNaN(value) ? 0 : value;

    /// <summary>The exact step's work arrays, allocated once per run.</summary>
    private sealed class ExactStepWork(int n)
    {
        public int[] Local { get; } = new int[n];

        public List<int> Active { get; } = [];

        public double[] Candidate { get; } = new double[n];

        public double[] Others { get; } = new double[n];
    }
}
