using System.Collections.Immutable;

namespace AiContagion.FireSales;

/// <summary>One round of a fire-sale run: who sold, how much, what the price falls cost, who failed.</summary>
/// <param name="Round">The round (1, 2, …; round 0, the shock, has no row).</param>
/// <param name="Sellers">How many firms sold.</param>
/// <param name="Sold">The value sold in the round (at the round's opening prices).</param>
/// <param name="Loss">The fire-sale loss of all firms in the round.</param>
/// <param name="Failed">The ids of the firms that failed in the round, in network order.</param>
public sealed record FireSaleRound(int Round, int Sellers, double Sold, double Loss, ImmutableArray<string> Failed);
