namespace AiContagion.Cascades;

/// <summary>Why an entity failed in a <see cref="RunwayCascade"/> run.</summary>
public enum RunwayFailureCause
{
    /// <summary>It did not fail.</summary>
    None,

    /// <summary>Its cash at the end of the month fell below the floor (<see cref="RunwayOptions.Floor"/>).</summary>
    Cash,

    /// <summary>Its losses on claims against failed borrowers exceeded its capital (the solvency channel).</summary>
    Losses,

    /// <summary>The shock failed it, in month t0 (<see cref="RunwayOptions.WithdrawalMonth"/>).</summary>
    Shock,
}
