using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Valuation;

/// <summary>One firm's row of a <see cref="SensitivityColumn"/>.</summary>
/// <param name="Id">Firm i.</param>
/// <param name="Value"><c>∂Vᵢ/∂aⱼ</c> (and ∂ net worth).</param>
/// <param name="Equity"><c>∂Eᵢ/∂aⱼ</c>: the value moves the equity of a solvent firm.</param>
/// <param name="DebtValue"><c>∂debtPaidᵢ/∂aⱼ</c>: the value moves what a defaulting firm pays.</param>
public readonly record struct EntitySensitivity(string Id, double Value, double Equity, double DebtValue);
