using AiContagion.Numerics;

namespace AiContagion.Reconstruction;

/// <summary>The seeded choices: uniform draws from <see cref="SeededRandom"/>.</summary>
internal sealed class RandomDensityChoices(long seed) : IDensityChoices
{
    private readonly SeededRandom _random = new(seed);

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
