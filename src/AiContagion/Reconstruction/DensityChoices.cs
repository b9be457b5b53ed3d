namespace AiContagion.Reconstruction;

/// <summary>
/// The random choices of the minimum-density search, apart so that a test can replay a published run's choices
/// (R's generator cannot be reproduced): whether to remove a link, which link to remove, which open cell to propose,
/// and whether to accept it.
/// </summary>
internal interface IDensityChoices
{
    /// <summary>Whether this iteration removes a link (called only when one exists and the iteration is not the first).</summary>
    bool Remove(double probability);

    /// <summary>Which of the <paramref name="count"/> links to remove, uniformly.</summary>
    int PickUsed(int count);

    /// <summary>An open cell with positive weight, drawn with probability weight / total weight.</summary>
    (int Row, int Column) PickCell(IDensityState state);

    /// <summary>Whether to accept a proposal that changes the objective by <paramref name="change"/>: always when it rises, else with probability exp(θ · change).</summary>
    bool Accept(double change, double theta);
}

/// <summary>What a <see cref="IDensityChoices"/> sees of the search: the open cells and their weights Q.</summary>
internal interface IDensityState
{
    int Rows { get; }

    int Columns { get; }

    /// <summary>Σ of the weights of the open cells.</summary>
    double TotalWeight { get; }

    /// <summary>Σ of the weights of row i's open cells (kept up to date incrementally, so within rounding).</summary>
    double RowWeight(int row);

    /// <summary>The weight of cell (i, j): <c>max(ad_i / ld_j, ld_j / ad_i)</c> when it is open and both deficits are positive, else 0.</summary>
    double Weight(int row, int column);
}

/// <summary>The seeded choices: uniform draws from <see cref="ReconstructionRandom"/>.</summary>
internal sealed class RandomDensityChoices(long seed) : IDensityChoices
{
    private readonly ReconstructionRandom _random = new(seed);

    public bool Remove(double probability) => _random.NextDouble() < probability;

    public int PickUsed(int count) => _random.Next(count);

    public (int Row, int Column) PickCell(IDensityState state)
    {
        // The row by its share of the total weight, then the column within the row by its share of the row's weight
        // (summed afresh, so that rounding in the row weights cannot pick an empty cell).
        var target = _random.NextDouble() * state.TotalWeight;
        var row = -1;
        var cumulative = 0.0;
        for (var i = 0; i < state.Rows; i++)
        {
            var weight = state.RowWeight(i);
            if (weight <= 0)
            {
                continue;
            }

            row = i;
            cumulative += weight;
            if (target < cumulative)
            {
                break;
            }
        }

        var rowTotal = 0.0;
        for (var j = 0; j < state.Columns; j++)
        {
            rowTotal += state.Weight(row, j);
        }

        var inRow = _random.NextDouble() * rowTotal;
        var column = -1;
        cumulative = 0;
        for (var j = 0; j < state.Columns; j++)
        {
            var weight = state.Weight(row, j);
            if (weight <= 0)
            {
                continue;
            }

            column = j;
            cumulative += weight;
            if (inRow < cumulative)
            {
                break;
            }
        }

        return (row, column);
    }

    public bool Accept(double change, double theta) => change > 0 || Math.Exp(theta * change) > _random.NextDouble();
}
