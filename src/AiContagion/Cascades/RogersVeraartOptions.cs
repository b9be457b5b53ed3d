namespace AiContagion.Cascades;

/// <summary>Options of the Rogers–Veraart clearing model: default costs on external assets (α) and on receivables from the network (β).</summary>
public sealed record RogersVeraartOptions
{
    /// <summary>
    /// α in [0, 1]: the share of its external assets a defaulting entity realises. Default 1 (no cost; with
    /// <see cref="Beta"/> = 1 the model is Eisenberg–Noe).
    /// </summary>
    public double Alpha { get; init; } = 1.0;

    /// <summary>β in [0, 1]: the share of its receivables from the network a defaulting entity realises. Default 1.</summary>
    public double Beta { get; init; } = 1.0;

    /// <summary>How external liabilities rank; see <see cref="ClearingOptions.Seniority"/>. Default pari passu.</summary>
    public ExternalLiabilitySeniority Seniority { get; init; } = ExternalLiabilitySeniority.PariPassu;

    /// <summary>See <see cref="ClearingOptions.DenseSolveLimit"/>. Default 500.</summary>
    public int DenseSolveLimit { get; init; } = 500;

    /// <summary>See <see cref="ClearingOptions.MaxIterations"/>. Default 100,000.</summary>
    public int MaxIterations { get; init; } = 100_000;

    internal void Validate()
    {
        CheckUnit(Alpha, nameof(Alpha));
        CheckUnit(Beta, nameof(Beta));
        new ClearingOptions { Seniority = Seniority, DenseSolveLimit = DenseSolveLimit, MaxIterations = MaxIterations }.Validate();
    }

    private static void CheckUnit(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be a finite number in [0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(value, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1.0, name);
    }
}
