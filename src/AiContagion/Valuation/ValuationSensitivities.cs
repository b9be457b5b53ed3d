using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Valuation;

/// <summary>
/// The systemic greeks of a valuation (<see cref="CrossHoldingsValuation.Sensitivities"/>): how each entity's value,
/// equity and debt value move per unit of one entity's external assets, <c>∂xᵢ/∂aⱼ</c>, at the greatest fixed point,
/// by the implicit-function theorem on its regime. One <see cref="SensitivityColumn"/> per external asset <c>aⱼ</c> asked for.
/// </summary>
/// <remarks>
/// <para>Within a regime (each firm solvent, or paying part of one layer) the fixed point is linear in the external
/// assets, <c>V = c + A V + a</c>, so <c>∂V/∂a = (I − A)⁻¹</c>; <c>∂E/∂a = Ξ ∂V/∂a</c> (Ξ = solvent firms) and
/// <c>∂debtPaid/∂a = (I − Ξ) ∂V/∂a</c>. At a regime boundary the derivative is one-sided: the regime is read with
/// half-open intervals (a firm at a boundary, within 1e-9 relative, is in the regime above it), which gives the
/// <b>right</b> derivative, the response to a small increase (the valuation is monotone, so no value falls); <see cref="BoundaryEntities"/> names the firms within 1e-9 (relative)
/// of a boundary and <see cref="RegimeMargin"/> the smallest distance, so a caller can tell. A column is
/// <see cref="SensitivityColumn.IsDefined"/> = <see langword="false"/> when <c>I − A</c> is singular there (a closed
/// group of defaulters paying only one another: the derivative is infinite).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class ValuationSensitivities
{
    private readonly Dictionary<string, SensitivityColumn> _byId;

    internal ValuationSensitivities(ValuationResult at, ImmutableArray<SensitivityColumn> columns, ImmutableArray<string> boundary, double margin, string method)
    {
        At = at;
        Columns = columns;
        BoundaryEntities = boundary;
        RegimeMargin = margin;
        Method = method;
        _byId = columns.ToDictionary(c => c.WithRespectTo, StringComparer.Ordinal);
    }

    /// <summary>The valuation the derivatives are taken at.</summary>
    public ValuationResult At { get; }

    /// <summary>One column per external asset asked for, in the order asked.</summary>
    public IReadOnlyList<SensitivityColumn> Columns { get; }

    /// <summary>The firms whose value lies within 1e-9 (relative) of a boundary of their regime: there the right derivative is given.</summary>
    public IReadOnlyList<string> BoundaryEntities { get; }

    /// <summary>The smallest distance of any firm's value to a boundary of its regime, in the network's unit (∞ when no firm owes anything).</summary>
    public double RegimeMargin { get; }

    /// <summary>How the columns were solved: <c>dense-lu</c> (the regime's feedback system, up to <see cref="ValuationOptions.DenseSolveLimit"/> firms) or <c>gauss-seidel</c>.</summary>
    public string Method { get; }

    /// <summary>The column of one external asset.</summary>
    /// <param name="withRespectTo">The id of the entity whose external assets vary.</param>
    /// <returns>The column.</returns>
    /// <exception cref="ArgumentException">No column was computed for <paramref name="withRespectTo"/>.</exception>
    public SensitivityColumn Column(string withRespectTo)
    {
        ArgumentNullException.ThrowIfNull(withRespectTo);
        return _byId.TryGetValue(withRespectTo, out var column)
            ? column
            : throw new ArgumentException($"No sensitivity column was computed for '{withRespectTo}'.", nameof(withRespectTo));
    }
}

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

/// <summary>One firm's row of a <see cref="SensitivityColumn"/>.</summary>
/// <param name="Id">Firm i.</param>
/// <param name="Value"><c>∂Vᵢ/∂aⱼ</c> (and ∂ net worth).</param>
/// <param name="Equity"><c>∂Eᵢ/∂aⱼ</c>: the value moves the equity of a solvent firm.</param>
/// <param name="DebtValue"><c>∂debtPaidᵢ/∂aⱼ</c>: the value moves what a defaulting firm pays.</param>
public readonly record struct EntitySensitivity(string Id, double Value, double Equity, double DebtValue);
