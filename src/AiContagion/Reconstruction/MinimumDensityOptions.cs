namespace AiContagion.Reconstruction;

/// <summary>
/// Options of <see cref="MinimumDensityReconstruction"/>. The defaults are NetworkRiskMeasures' <c>min_dens</c>
/// defaults (<c>c = 1, lambda = 1, k = 100, alpha = delta = 1/sum(rowsums), theta = 1, remove.prob = 0.01,
/// max.it = 1e5</c>) except the stopping tolerance, which is relative here (see <see cref="Tolerance"/>).
/// </summary>
public sealed record MinimumDensityOptions
{
    /// <summary>The cost of one link, <c>c</c> in the objective <c>V = −c · links − α² Σ unallocated out − δ² Σ unallocated in</c> (default 1).</summary>
    public double LinkCost { get; init; } = 1;

    /// <summary>
    /// The fraction of <c>min(unallocated out, unallocated in)</c> put on a new link during the first
    /// <see cref="LambdaRounds"/> iterations (default 1, minimum density; below 1 gives the paper's "low density"
    /// variant). In (0, 1].
    /// </summary>
    public double Lambda { get; init; } = 1;

    /// <summary>How many iterations use <see cref="Lambda"/> before it becomes 1 (<c>k</c>, default 100).</summary>
    public int LambdaRounds { get; init; } = 100;

    /// <summary>α, the weight of unallocated out (squared in the objective); <see langword="null"/> for 1 / (Σ out), NetworkRiskMeasures' default.</summary>
    public double? RowPenalty { get; init; }

    /// <summary>δ, the weight of unallocated in (squared); <see langword="null"/> for 1 / (Σ out) — NetworkRiskMeasures uses the row total for both.</summary>
    public double? ColumnPenalty { get; init; }

    /// <summary>θ, the inverse temperature of the acceptance rule: a proposal that lowers V by d is accepted with probability exp(−θ d) (default 1).</summary>
    public double Theta { get; init; } = 1;

    /// <summary>The probability that an iteration removes a random link instead of proposing one (default 0.01), which lets the search leave dead ends.</summary>
    public double RemoveProbability { get; init; } = 0.01;

    /// <summary>The most iterations (default 100,000); past it the run throws <see cref="ReconstructionConvergenceException"/>.</summary>
    public int MaxIterations { get; init; } = 100_000;

    /// <summary>
    /// The stopping rule: unallocated out and unallocated in each at most this × the total (default 1e-12). A
    /// remainder below it is dropped rather than given a link of its own. NetworkRiskMeasures stops when Σ
    /// unallocated out &lt; 1e-3 in absolute terms, which leaves totals below 0.001 unmet whatever the unit.
    /// </summary>
    public double Tolerance { get; init; } = 1e-12;

    /// <summary>The seed of the random choices (default 1): a seed gives the same links on every machine.</summary>
    public long Seed { get; init; } = 1;

    internal void Validate()
    {
        Check(LinkCost, nameof(LinkCost), 0, double.MaxValue);
        if (!(Lambda is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Lambda), Lambda, "Lambda must lie in (0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(LambdaRounds, nameof(LambdaRounds));
        if (RowPenalty is { } alpha)
        {
            Check(alpha, nameof(RowPenalty), 0, double.MaxValue);
        }

        if (ColumnPenalty is { } delta)
        {
            Check(delta, nameof(ColumnPenalty), 0, double.MaxValue);
        }

        Check(Theta, nameof(Theta), 0, double.MaxValue);
        Check(RemoveProbability, nameof(RemoveProbability), 0, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxIterations, nameof(MaxIterations));
        if (!(Tolerance is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "The tolerance must lie in (0, 1).");
        }
    }

    private static void Check(double value, string name, double low, double high)
    {
        if (!(value >= low && value <= high))
        {
            throw new ArgumentOutOfRangeException(name, value, high == double.MaxValue ? $"{name} must be finite and at least {low}." : $"{name} must lie in [{low}, {high}].");
        }
    }
}
