using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Valuation;

/// <summary>
/// One column of <see cref="ValuationSensitivities"/>: the derivatives of every entity's value, equity and debt value with
/// respect to one entity's external assets.
/// </summary>
/// <remarks>Immutable and thread-safe. The dense column is kept (8 bytes per entity); <see cref="Entries"/> lists the
/// non-zero rows on first use.</remarks>
public sealed class SensitivityColumn
{
    private readonly double[] _value;
    private readonly bool[] _solvent;
    private readonly FinancingNetwork _network;
    private ImmutableArray<EntitySensitivity> _entries;

    internal SensitivityColumn(FinancingNetwork network, string withRespectTo, double[] value, bool[] solvent, bool defined, int iterations)
    {
        _network = network;
        WithRespectTo = withRespectTo;
        _value = value;
        _solvent = solvent;
        IsDefined = defined;
        Iterations = iterations;
    }

    /// <summary>The id of the entity whose external assets <c>aⱼ</c> vary.</summary>
    public string WithRespectTo { get; }

    /// <summary>Whether the derivative exists (the regime's system is not singular); when not, every figure is NaN.</summary>
    public bool IsDefined { get; }

    /// <summary>The sweeps the column took (0 for a dense solve).</summary>
    public int Iterations { get; }

    /// <summary>The rows that are not zero, in network order (built on first use).</summary>
    public IReadOnlyList<EntitySensitivity> Entries
    {
        get
        {
            if (_entries.IsDefault)
            {
                var rows = ImmutableArray.CreateBuilder<EntitySensitivity>();
                for (var i = 0; i < _value.Length; i++)
                {
                    if (_value[i] != 0 || !IsDefined)
                    {
                        rows.Add(Row(i));
                    }
                }

                ImmutableInterlocked.InterlockedInitialize(ref _entries, rows.ToImmutable());
            }

            return _entries;
        }
    }

    /// <summary><c>∂Vᵢ/∂aⱼ</c> (also ∂ net worth): how much firm i's value moves per unit of j's external assets.</summary>
    /// <param name="id">Firm i.</param>
    /// <returns>The derivative; NaN when not defined.</returns>
    public double Value(string id) => Row(IndexOf(id)).Value;

    /// <summary><c>∂Eᵢ/∂aⱼ</c>: firm i's equity value per unit of j's external assets.</summary>
    /// <param name="id">Firm i.</param>
    /// <returns>The derivative; NaN when not defined.</returns>
    public double Equity(string id) => Row(IndexOf(id)).Equity;

    /// <summary><c>∂debtPaidᵢ/∂aⱼ</c>: the value of firm i's debt per unit of j's external assets.</summary>
    /// <param name="id">Firm i.</param>
    /// <returns>The derivative; NaN when not defined.</returns>
    public double DebtValue(string id) => Row(IndexOf(id)).DebtValue;

    /// <summary>A one-line description, invariant culture.</summary>
    /// <returns>Such as <c>d/d externalAssets[b2]: 3 entities move</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"d/d externalAssets[{WithRespectTo}]: {(IsDefined ? Entries.Count + " entities move" : "undefined (singular regime)")}");

    private EntitySensitivity Row(int i)
    {
        var id = _network.Entities[i].Id;
        if (!IsDefined)
        {
            return new EntitySensitivity(id, double.NaN, double.NaN, double.NaN);
        }

        var value = _value[i];
        return _solvent[i] ? new EntitySensitivity(id, value, value, 0) : new EntitySensitivity(id, value, 0, value);
    }

    private int IndexOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var index = _network.IndexOf(id);
        return index >= 0 ? index : throw new ArgumentException($"The network has no entity '{id}'.", nameof(id));
    }
}
