using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Valuation;

/// <summary>A stake: <see cref="Holder"/> owns <see cref="Share"/> of <see cref="Issuer"/>'s equity, through Equity link <see cref="Link"/>.</summary>
/// <param name="Holder">The holder (the link's From).</param>
/// <param name="Issuer">The firm held (the link's To).</param>
/// <param name="Share">The fraction of the issuer's equity held, in (0, 1].</param>
/// <param name="Link">The link's index in the network.</param>
public readonly record struct EquityStake(string Holder, string Issuer, double Share, int Link);
