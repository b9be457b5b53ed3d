namespace AiContagion.Model;

/// <summary>
/// One entry of the holdings layer: an entity holds an amount (market value, in the network's unit, at the network's
/// <c>asOf</c>) of an <see cref="Asset"/>.
/// </summary>
/// <remarks>
/// The builder checks that the entity and the asset exist, that the amount is finite and non-negative, and that an
/// entity holds an asset in one entry only (two entries for one pair are an error, not summed: say the total).
/// Immutable; equality by value.
/// </remarks>
/// <param name="Entity">The holder's entity id.</param>
/// <param name="Asset">The asset id.</param>
/// <param name="Amount">The market value held, ≥ 0, in the network's unit.</param>
public sealed record Holding(string Entity, string Asset, double Amount)
{
    /// <summary>Where the figure comes from, or <see langword="null"/>.</summary>
    public string? Source { get; init; }

    /// <summary>Free-text note, or <see langword="null"/>.</summary>
    public string? Note { get; init; }

    /// <summary>A one-line description.</summary>
    /// <returns>The description, invariant culture.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Entity} holds {Amount:R} of {Asset}");
}
