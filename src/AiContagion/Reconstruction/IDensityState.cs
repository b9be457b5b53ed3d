namespace AiContagion.Reconstruction;

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
