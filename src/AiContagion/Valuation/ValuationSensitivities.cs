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
