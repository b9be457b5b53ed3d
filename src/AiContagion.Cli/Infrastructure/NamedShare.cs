namespace AiContagion.Cli.Infrastructure;

/// <summary>One <c>NAME=share</c> item of an option value (an entity id or a sector with a share in [0, 1]).</summary>
/// <param name="Name">The entity id or sector name, as given.</param>
/// <param name="Share">The share.</param>
internal readonly record struct NamedShare(string Name, double Share);
