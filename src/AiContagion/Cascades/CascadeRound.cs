using System.Collections.Immutable;

namespace AiContagion.Cascades;

/// <summary>One round of a cascade's history: who failed in it and which links went down.</summary>
/// <param name="Round">The round (0 = the shock itself).</param>
/// <param name="Failed">Ids of the entities that failed in this round, in network order.</param>
/// <param name="LinksDown">How many links went down in this round.</param>
/// <param name="AmountDown">Their amount down.</param>
public sealed record CascadeRound(int Round, ImmutableArray<string> Failed, int LinksDown, double AmountDown);
