using System.Collections.Immutable;
using AiContagion.Model;

namespace AiContagion.Flow;

/// <summary>
/// A set of entities named by rule rather than listed: all funding sources, the entities of a sector, given
/// ids, or a union of these. Flow and dominator analyses take their sources and sinks as selections.
/// </summary>
/// <remarks>
/// Text form (<see cref="Parse"/>, <see cref="ToString"/>): comma-separated items, each <c>funding</c> (every
/// <see cref="Entity.IsFundingSource"/> entity), <c>sector:NAME</c> (a <see cref="Sector"/>, parsed like
/// <see cref="SectorFacts.TryParse"/>), <c>id:ID</c> or a bare entity id. Example: <c>funding</c>,
/// <c>sector:ChipMaker</c>, <c>openai,anthropic</c>, <c>sector:Bank,softbank</c>. Immutable.
/// </remarks>
public sealed class EntitySelection : IEquatable<EntitySelection>
{
    private readonly ImmutableArray<Item> _items;

    private EntitySelection(ImmutableArray<Item> items) => _items = items;

    /// <summary>Every funding source of the network (<see cref="FinancingNetwork.FundingSources"/>).</summary>
    public static EntitySelection FundingSources { get; } = new([new Item(ItemKind.Funding, null, default)]);

    /// <summary>Every entity of a sector.</summary>
    /// <param name="sector">The sector.</param>
    /// <returns>The selection.</returns>
    public static EntitySelection InSector(Sector sector) => new([new Item(ItemKind.Sector, null, sector)]);

    /// <summary>The entities with the given ids.</summary>
    /// <param name="ids">One or more entity ids.</param>
    /// <returns>The selection.</returns>
    /// <exception cref="ArgumentException">No id, or an empty id.</exception>
    public static EntitySelection Of(params IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var items = ids.Select(id =>
        {
            ArgumentException.ThrowIfNullOrEmpty(id, nameof(ids));
            return new Item(ItemKind.Id, id, default);
        }).ToImmutableArray();
        return items.IsEmpty ? throw new ArgumentException("At least one id is required.", nameof(ids)) : new EntitySelection(items);
    }

    /// <summary>The union of several selections.</summary>
    /// <param name="selections">The selections.</param>
    /// <returns>An entity is selected when any part selects it.</returns>
    /// <exception cref="ArgumentException">No selection given.</exception>
    public static EntitySelection Union(params IEnumerable<EntitySelection> selections)
    {
        ArgumentNullException.ThrowIfNull(selections);
        var items = selections.SelectMany(s => s._items).ToImmutableArray();
        return items.IsEmpty ? throw new ArgumentException("At least one selection is required.", nameof(selections)) : new EntitySelection(items);
    }

    /// <summary>Parses the text form (see the remarks).</summary>
    /// <param name="text">E.g. <c>funding</c>, <c>sector:Bank</c>, <c>a,b</c>.</param>
    /// <returns>The selection.</returns>
    /// <exception cref="FormatException">The text is empty or names an unknown sector.</exception>
    public static EntitySelection Parse(string text) =>
        TryParse(text, out var selection, out var problem) ? selection : throw new FormatException(problem);

    /// <summary>Tries to parse the text form (see the remarks).</summary>
    /// <param name="text">The text.</param>
    /// <param name="selection">The selection, when the result is <see langword="true"/>.</param>
    /// <param name="problem">What is wrong, when the result is <see langword="false"/>.</param>
    /// <returns>Whether the text is a valid selection. Ids are not checked against any network here.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EntitySelection? selection, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? problem)
    {
        selection = null;
        var parts = (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            problem = "an entity selection must name 'funding', 'sector:NAME' or one or more entity ids";
            return false;
        }

        var items = ImmutableArray.CreateBuilder<Item>(parts.Length);
        foreach (var part in parts)
        {
            if (part.Equals("funding", StringComparison.OrdinalIgnoreCase))
            {
                items.Add(new Item(ItemKind.Funding, null, default));
            }
            else if (part.StartsWith("sector:", StringComparison.OrdinalIgnoreCase))
            {
                var name = part["sector:".Length..];
                if (!SectorFacts.TryParse(name, out var sector))
                {
                    problem = $"unknown sector '{name}' (expected one of {SectorFacts.AllNames})";
                    return false;
                }

                items.Add(new Item(ItemKind.Sector, null, sector));
            }
            else
            {
                var id = part.StartsWith("id:", StringComparison.OrdinalIgnoreCase) ? part["id:".Length..] : part;
                if (id.Length == 0)
                {
                    problem = $"'{part}' names no entity";
                    return false;
                }

                items.Add(new Item(ItemKind.Id, id, default));
            }
        }

        selection = new EntitySelection(items.MoveToImmutable());
        problem = null;
        return true;
    }

    /// <summary>The ids of the selected entities, in network order, each once.</summary>
    /// <param name="network">The network to select from.</param>
    /// <returns>The ids.</returns>
    /// <exception cref="KeyNotFoundException">An id is not in the network.</exception>
    /// <exception cref="ArgumentException">The selection selects no entity of this network (e.g. an empty sector).</exception>
    public IReadOnlyList<string> Select(FinancingNetwork network)
    {
        var indices = Resolve(network);
        var ids = new string[indices.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = network.Entities[indices[i]].Id;
        }

        return ids;
    }

    /// <summary>The text form, e.g. <c>funding</c> or <c>sector:Bank,openai</c>.</summary>
    /// <returns>Text that <see cref="Parse"/> reads back.</returns>
    public override string ToString() => string.Join(",", _items.Select(item => item.Kind switch
    {
        ItemKind.Funding => "funding",
        ItemKind.Sector => "sector:" + item.Sector,
        _ => item.Id is "funding" || item.Id!.StartsWith("sector:", StringComparison.OrdinalIgnoreCase) || item.Id.StartsWith("id:", StringComparison.OrdinalIgnoreCase) ? "id:" + item.Id : item.Id,
    }));

    /// <inheritdoc/>
    public bool Equals(EntitySelection? other) => other is not null && _items.SequenceEqual(other._items);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as EntitySelection);

    /// <inheritdoc/>
    public override int GetHashCode() => _items.Aggregate(17, (hash, item) => HashCode.Combine(hash, item));

    /// <summary>The selected entity indices, ascending (network order), each once.</summary>
    internal int[] Resolve(FinancingNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var chosen = new bool[network.EntityCount];
        var index = network.Index;
        foreach (var item in _items)
        {
            switch (item.Kind)
            {
                case ItemKind.Funding:
                    for (var v = 0; v < chosen.Length; v++)
                    {
                        chosen[v] |= index.IsFundingSource[v];
                    }

                    break;
                case ItemKind.Sector:
                    for (var v = 0; v < chosen.Length; v++)
                    {
                        chosen[v] |= index.Sector[v] == item.Sector;
                    }

                    break;
                default:
                    chosen[network.IndexOfRequired(item.Id!)] = true;
                    break;
            }
        }

        var result = new List<int>();
        for (var v = 0; v < chosen.Length; v++)
        {
            if (chosen[v])
            {
                result.Add(v);
            }
        }

        return result.Count > 0
            ? [.. result]
            : throw new ArgumentException($"The selection '{this}' selects no entity of the network.");
    }

    private enum ItemKind
    {
        Funding,
        Sector,
        Id,
    }

    private readonly record struct Item(ItemKind Kind, string? Id, Sector Sector);
}
