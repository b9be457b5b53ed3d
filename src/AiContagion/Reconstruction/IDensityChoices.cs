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
