using System.Collections.Immutable;
using System.Globalization;

namespace AiContagion.Reconstruction;

/// <summary>
/// A Bayesian ensemble (Gandy &amp; Veraart 2017): networks drawn from the law of the links given the totals, under a
/// prior in which each pair has a link with probability p and a link's amount is exponential with rate λ (the ERE
/// model: Erdős–Rényi existence, exponential weights). Each link is reported with its mean over the draws, a range
/// (low and high quantiles) and the probability that it exists — ranges for links nobody disclosed.
/// </summary>
/// <remarks>
/// <para><b>Totals and direction</b> as in <see cref="MaximumEntropyReconstruction"/>: rows are payers (From), columns
/// recipients (To). systemicrisk's liabilities matrix is the transpose (rows are debtors), which changes nothing in
/// the law. Known links are fixed; their pairs, forbidden pairs and an entity with itself have p = 0.</para>
/// <para><b>Sampler</b> (systemicrisk's <c>GibbsSteps_kcycle</c>): start from the maximum-entropy matrix (a feasible
/// point inside the allowed cells). Each step picks a cycle length k ≥ 2 with weights halving in k, k distinct
/// payers and k distinct recipients at random, and moves Δ around the cycle — +Δ on (r_t, c_t), −Δ on
/// (r_t, c_{t+1}) — so every total stays exact. Δ ∈ [low, high] keeps the cells non-negative; at each end one cell
/// (or more) becomes zero. Δ is drawn from its exact conditional law: the ends are point masses with the likelihood
/// of one more zero (factor (1 − p) / (p λ)), the interior a density (uniform here, as λ is one rate). If an end
/// zeroes two or more cells, the end with more zeros is taken. <see cref="EnsembleOptions.BurnIn"/> steps are
/// discarded, then one sample is kept every <see cref="EnsembleOptions.Thin"/> steps.</para>
/// <para><b>Summary.</b> A link's amount is the mean over the samples (so the means meet every total), its
/// <see cref="EstimatedLink.Low"/> and <see cref="EstimatedLink.High"/> the sample quantiles (R's type 7, linear
/// interpolation), widened to contain the mean, and <see cref="EstimatedLink.LinkProbability"/> the share of samples
/// in which it is positive. Links positive in no sample are left out. <see cref="Draw"/> yields the samples
/// themselves, for a run over joint draws that keep the totals.</para>
/// <para><b>Mixing.</b> The prior favours sparse networks (each extra link costs a factor p λ / (1 − p) per unit of
/// amount), and the chain moves between them slowly: from the dense start it takes thousands of steps to settle, and
/// a network whose cycles all run through empty cells cannot move at all. On the 7-bank example of
/// Anand, Craig &amp; von Peter with p = 0.5 and the default λ = 0.65, this sampler and systemicrisk (R, from either
/// start) settle on the same 7-link networks. Check <see cref="ReconstructionConvergence.History"/>.</para>
/// <para><b>Check.</b> With three banks and a zero diagonal one degree of freedom is left, t = x₁₂ ∈ [0, 0.4] for
/// out = (1, 2.5, 3), in = (0.7, 2.7, 3.1); with p = 0.5 and λ = 0.25 the law is P(t = 0) = P(t = 0.4) = 10/21 and
/// t uniform on the rest (tests/…/EnsembleReconstructionTests).</para>
/// <para><b>Complexity.</b> O(k) per step; memory: the active cells densely (at most 16,777,216) and open cells ×
/// samples stored for the quantiles (at most 16,777,216 values), so the ensemble suits problems of up to a few
/// hundred entities. Seeded and single-threaded: a seed gives the same samples on every machine. Thread-safe (each
/// call has its own state).</para>
/// <para>Gandy, A. &amp; Veraart, L. A. M. (2017), "A Bayesian methodology for systemic risk assessment in financial
/// networks", Management Science 63(12), 4428–4446, doi:10.1287/mnsc.2016.2546. Reference implementation: the R
/// package systemicrisk (<c>sample_ERE</c>).</para>
/// </remarks>
public sealed class EnsembleReconstruction : INetworkReconstruction
{
    /// <summary>The most values (open pairs × samples) kept for the quantiles.</summary>
    public const long MaxStoredValues = 16_777_216;

    /// <summary>Creates the method.</summary>
    /// <param name="options">Options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public EnsembleReconstruction(EnsembleOptions? options = null)
    {
        Options = options ?? new EnsembleOptions();
        Options.Validate();
    }

    /// <summary>The options.</summary>
    public EnsembleOptions Options { get; }

    /// <inheritdoc/>
    public ReconstructionMethod Method => ReconstructionMethod.Ensemble;

    /// <inheritdoc/>
    public string Name => "ensemble";

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The problem is too large for the ensemble (see the remarks).</exception>
    public ReconstructionResult Estimate(ReconstructionProblem problem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var p = problem.Prepare();
        if (p.Tight.Row >= 0)
        {
            return Forced(problem, p);
        }

        var run = Start(p, cancellationToken);
        var sampler = run.Sampler;
        var open = sampler.OpenCells;
        var samples = Options.Samples;
        if ((long)open.Length * samples > MaxStoredValues)
        {
            throw new ArgumentException(string.Create(
                CultureInfo.InvariantCulture,
                $"The ensemble keeps every sampled amount for the quantiles: {open.Length} open pairs × {samples} samples is more than {MaxStoredValues:N0}; draw fewer samples."));
        }

        var stored = new double[open.Length * samples];
        var history = ImmutableArray.CreateBuilder<double>(samples);
        for (var s = 0; s < samples; s++)
        {
            Advance(sampler, run.Thin, cancellationToken);
            var links = 0;
            for (var a = 0; a < open.Length; a++)
            {
                var value = sampler.Value(open[a]);
                stored[(a * samples) + s] = value;
                links += value > 0 ? 1 : 0;
            }

            history.Add(links);
        }

        // Per open cell: mean, quantiles, link probability; then the cells in row-major order with the known ones.
        var summary = new Dictionary<(int, int), (double Mean, double Low, double High, double Probability)>();
        var values = new double[samples];
        for (var a = 0; a < open.Length; a++)
        {
            Array.Copy(stored, a * samples, values, 0, samples);
            var mean = values.Average();
            if (mean <= 0)
            {
                continue;
            }

            var positive = values.Count(x => x > 0);
            Array.Sort(values);
            var low = Math.Min(Quantile(values, Options.LowQuantile), mean);
            var high = Math.Max(Quantile(values, Options.HighQuantile), mean);
            summary[sampler.Position(open[a])] = (mean, low, high, (double)positive / samples);
        }

        var cells = new CellTable(p.Rows, ranged: true);
        for (var i = 0; i < p.Rows; i++)
        {
            var k = p.ClosedRowStart[i];
            var end = p.ClosedRowStart[i + 1];
            for (var j = 0; j < p.Columns; j++)
            {
                while (k < end && p.ClosedColumns[k] < j)
                {
                    k++;
                }

                if (k < end && p.ClosedColumns[k] == j)
                {
                    if (!double.IsNaN(p.ClosedKnown[k]))
                    {
                        cells.Add(i, j, p.ClosedKnown[k], known: true);
                    }
                }
                else if (summary.TryGetValue((i, j), out var s))
                {
                    cells.Add(i, j, s.Mean, known: false, s.Low, s.High, s.Probability);
                }
            }
        }

        return Finish(problem, cells.Complete(), run.Steps, history.ToImmutable());
    }

    /// <summary>
    /// The sampled networks themselves, one result per kept sample (<see cref="EnsembleOptions.Samples"/> of them,
    /// after the burn-in, <see cref="EnsembleOptions.Thin"/> steps apart): each meets every total exactly, so a
    /// calculation over them sees joint draws rather than links drawn one by one. Lazy: each sample is computed when
    /// the enumeration reaches it.
    /// </summary>
    /// <param name="problem">The totals, known links and forbidden pairs.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The samples, in order.</returns>
    /// <exception cref="ReconstructionInputException">The totals do not balance or cannot be met.</exception>
    public IEnumerable<ReconstructionResult> Draw(ReconstructionProblem problem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var p = problem.Prepare();
        return p.Tight.Row >= 0 ? Enumerable.Repeat(Forced(problem, p), Options.Samples) : Samples(problem, p, cancellationToken);
    }

    private IEnumerable<ReconstructionResult> Samples(ReconstructionProblem problem, TransportProblem p, CancellationToken cancellationToken)
    {
        var run = Start(p, cancellationToken);
        var steps = run.Steps - (Options.Samples * (long)run.Thin);
        for (var s = 0; s < Options.Samples; s++)
        {
            Advance(run.Sampler, run.Thin, cancellationToken);
            steps += run.Thin;
            var cells = new List<(int Row, int Column, double Amount, bool Known)>();
            foreach (var cell in run.Sampler.OpenCells)
            {
                var (i, j) = run.Sampler.Position(cell);
                cells.Add((i, j, run.Sampler.Value(cell), false));
            }

            for (var i = 0; i < p.Rows; i++)
            {
                for (var k = p.ClosedRowStart[i]; k < p.ClosedRowStart[i + 1]; k++)
                {
                    if (!double.IsNaN(p.ClosedKnown[k]))
                    {
                        cells.Add((i, p.ClosedColumns[k], p.ClosedKnown[k], true));
                    }
                }
            }

            cells.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column.CompareTo(b.Column));
            var table = new CellTable(p.Rows);
            foreach (var (row, column, amount, known) in cells)
            {
                table.Add(row, column, amount, known);
            }

            yield return Finish(problem, table.Complete(), (int)steps, []);
        }
    }

    /// <summary>The sampler at the maximum-entropy start, after the burn-in; the steps the whole run takes.</summary>
    private (CycleSampler Sampler, int Thin, int Steps) Start(TransportProblem p, CancellationToken cancellationToken)
    {
        var start = MaximumEntropyReconstruction.Solve(p, 1e-12, 10_000, cancellationToken, polish: true);
        if (!start.Converged)
        {
            var cells = MaximumEntropyReconstruction.Cells(p, start.U, start.V);
            var (row, column) = cells.Residuals(p.Source);
            throw new ReconstructionConvergenceException(new ReconstructionResult(
                new MaximumEntropyReconstruction(), p.Source, cells, new ReconstructionConvergence(false, start.Iterations, row, column, 1e-12, start.History)));
        }

        var open = p.OpenCells;
        var intensity = Options.Intensity ?? (p.Total > 0 ? Options.LinkProbability * open / p.Total : 1);
        var sampler = new CycleSampler(p, start.U, start.V, Options.LinkProbability, intensity, Options.Seed);
        var thin = Options.Thin ?? Math.Max(1000, 4 * sampler.OpenCells.Length);
        var burnIn = Options.BurnIn ?? (10L * thin);
        var steps = burnIn + ((long)Options.Samples * thin);
        if (steps > int.MaxValue)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The ensemble would take {steps:N0} Gibbs steps, more than 2,147,483,647; lower Samples, Thin or BurnIn."));
        }

        for (var step = 0L; step < burnIn; step++)
        {
            if ((step & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            sampler.Step();
        }

        return (sampler, thin, (int)steps);
    }

    private static void Advance(CycleSampler sampler, int steps, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        for (var step = 0; step < steps; step++)
        {
            sampler.Step();
        }
    }

    /// <summary>R's type 7 quantile of sorted values: linear interpolation between order statistics at (n − 1) q.</summary>
    private static double Quantile(double[] sorted, double q)
    {
        var h = (sorted.Length - 1) * q;
        var below = (int)Math.Floor(h);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((h - below) * (sorted[above] - sorted[below]));
    }

    private ReconstructionResult Forced(ReconstructionProblem problem, TransportProblem p)
    {
        var forced = CellTable.Forced(p);
        var cells = new CellTable(p.Rows, ranged: true);
        var starts = forced.RowStart;
        for (var i = 0; i < p.Rows; i++)
        {
            for (var k = starts[i]; k < starts[i + 1]; k++)
            {
                cells.Add(i, forced.Column(k), forced.Amount(k), known: false, forced.Amount(k), forced.Amount(k), 1);
            }
        }

        return Finish(problem, cells.Complete(), 0, []);
    }

    private ReconstructionResult Finish(ReconstructionProblem problem, CellTable cells, int steps, ImmutableArray<double> history)
    {
        var (row, column) = cells.Residuals(problem);
        return new ReconstructionResult(this, problem, cells, new ReconstructionConvergence(true, steps, row, column, 1e-12, history));
    }
}
