using AiContagion.Cascades;

namespace AiContagion.Cli.Infrastructure;

/// <summary>A shock and its description as the user gave it (<c>external shock 8 % on every entity</c>), not entity by entity.</summary>
/// <param name="Shock">The shock the model runs with.</param>
/// <param name="Description">What the user asked for, in words, lists cut after a few items.</param>
internal sealed record GivenShock(CascadeShock Shock, string Description);
