using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Valuation;

/// <summary>A holder's loss on one stake when the issuer's equity is lost.</summary>
/// <param name="Holder">The holder.</param>
/// <param name="Link">The stake's Equity link, by index.</param>
/// <param name="Loss">Share × the issuer's value (NaN when that value is unknown).</param>
public readonly record struct StakeLoss(string Holder, int Link, double Loss);
