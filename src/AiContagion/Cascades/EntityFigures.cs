namespace AiContagion.Cascades;

/// <summary>The model figures of a result, per entity: dense arrays for global models (clearing), sparse values for the cascades that touch few entities.</summary>
internal sealed class EntityFigures
{
    public static EntityFigures None { get; } = new();

    /// <summary>Lost inflow per entity (liquidity models), or <see langword="null"/>.</summary>
    public SparseValues? LostInflow { get; init; }

    /// <summary>Losses against capital per entity (solvency models), or <see langword="null"/>.</summary>
    public SparseValues? CreditLoss { get; init; }

    /// <summary>Resolved capital per entity (+∞ = unknown) for the equity of solvency models, or <see langword="null"/>.</summary>
    public double[]? Capital { get; init; }

    /// <summary>Distress per entity (DebtRank), or <see langword="null"/>.</summary>
    public SparseValues? Distress { get; init; }

    /// <summary>Clearing payment per entity, or <see langword="null"/>.</summary>
    public double[]? Payment { get; init; }

    /// <summary>Part of the clearing payment that reaches network creditors, or <see langword="null"/>.</summary>
    public double[]? NetworkPayment { get; init; }

    /// <summary>Clearing equity per entity, or <see langword="null"/>.</summary>
    public double[]? Equity { get; init; }

    public EntityOutcome Outcome(string id, int entity, bool failed, int? round, bool shocked)
    {
        double? equity = Equity is not null ? Equity[entity]
            : Capital is not null && CreditLoss is not null && double.IsFinite(Capital[entity]) ? Capital[entity] - CreditLoss[entity]
            : null;
        return new EntityOutcome(id, failed, round, shocked, Payment?[entity], equity, Distress?[entity])
        {
            LostInflow = LostInflow?[entity],
            CreditLoss = CreditLoss?[entity],
            NetworkPayment = NetworkPayment?[entity],
        };
    }
}
