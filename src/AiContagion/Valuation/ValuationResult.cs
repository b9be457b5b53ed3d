using System.Collections.Immutable;
using AiContagion.Model;

namespace AiContagion.Valuation;

/// <summary>
/// The greatest fixed point of a cross-holdings valuation (<see cref="CrossHoldingsValuation.Value"/>): every entity's
/// value, equity, net worth, default and debt paid, with how the iteration converged.
/// </summary>
/// <remarks>
/// <para>The result keeps the value vector; <see cref="Entities"/> is built on first use, in O(n · layers). Immutable and
/// thread-safe; the network is never changed.</para>
/// </remarks>
public sealed class ValuationResult
{
    private readonly double[] _values;
    private readonly double[] _externalAssets;
    private ImmutableArray<EntityValuation> _entities;

    internal ValuationResult(CrossHoldingsValuation model, double[] externalAssets, double[] values, ValuationConvergence convergence)
    {
        Model = model;
        _externalAssets = externalAssets;
        _values = values;
        Convergence = convergence;
        var engine = model.Engine;
        var defaulted = 0;
        for (var i = 0; i < values.Length; i++)
        {
            defaulted += IsDefaulted(engine.Owed[i], values[i]) ? 1 : 0;
        }

        DefaultedCount = defaulted;
    }

    /// <summary>The network valued.</summary>
    public FinancingNetwork Network => Model.Network;

    /// <summary>The seniority layers, most senior first (<see cref="CrossHoldingsValuation.Layers"/>).</summary>
    public IReadOnlyList<string> Layers => Model.Layers;

    /// <summary>How the fixed point was reached.</summary>
    public ValuationConvergence Convergence { get; }

    /// <summary>Number of entities that cannot pay all they owe.</summary>
    public int DefaultedCount { get; }

    /// <summary>Every entity's row, in network order (built on first use).</summary>
    public IReadOnlyList<EntityValuation> Entities
    {
        get
        {
            if (_entities.IsDefault)
            {
                ImmutableInterlocked.InterlockedInitialize(ref _entities, BuildEntities());
            }

            return _entities;
        }
    }

    /// <summary>The model that produced the result.</summary>
    internal CrossHoldingsValuation Model { get; }

    /// <summary>The value of every entity, by index (not to be changed).</summary>
    internal double[] Values => _values;

    /// <summary>The external assets valued, by index (not to be changed).</summary>
    internal double[] ExternalAssets => _externalAssets;

    /// <summary>The row of one entity.</summary>
    /// <param name="id">The entity's id.</param>
    /// <returns>Its row.</returns>
    /// <exception cref="ArgumentException">The network has no entity <paramref name="id"/>.</exception>
    public EntityValuation Entity(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var index = Network.IndexOf(id);
        return index >= 0
            ? Entities[index]
            : throw new ArgumentException($"The network has no entity '{id}'.", nameof(id));
    }

    /// <summary>The clearing models' default rule: owed exceeds value by more than 1e-12 relative.</summary>
    internal static bool IsDefaulted(double owed, double value) => owed - value > 1e-12 * Math.Max(owed, value);

    private ImmutableArray<EntityValuation> BuildEntities()
    {
        var engine = Model.Engine;
        var layers = engine.LayerCount;
        var rows = ImmutableArray.CreateBuilder<EntityValuation>(_values.Length);
        for (var i = 0; i < _values.Length; i++)
        {
            var value = _values[i];
            var owed = engine.Owed[i];
            var paid = new double[layers];
            for (var s = 0; s < layers; s++)
            {
                var slot = (i * layers) + s;
                paid[s] = Math.Clamp(value - engine.LayerStart[slot], 0, engine.LayerOwed[slot]);
            }

            rows.Add(new EntityValuation(
                Network.Entities[i].Id,
                i,
                _externalAssets[i],
                value,
                Math.Max(0, value - owed),
                value - owed,
                IsDefaulted(owed, value),
                Math.Min(value, owed),
                owed,
                ImmutableArray.Create(paid)));
        }

        return rows.MoveToImmutable();
    }
}
