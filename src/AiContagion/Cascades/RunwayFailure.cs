using System.Globalization;

namespace AiContagion.Cascades;

/// <summary>
/// How an entity came to fail in a <see cref="RunwayCascade"/> run: the month, the cause, and what moved its cash from
/// month 1 to that month (all in the network's unit): <c>cash = start + received + revenue − paid − costs</c>.
/// </summary>
/// <param name="Month">The month it failed in (its payments of that month were made).</param>
/// <param name="Cause">Cash below the floor, losses above capital, or the shock.</param>
/// <param name="Cash">Its cash at the end of that month; <see langword="null"/> when its cash is unlimited.</param>
/// <param name="Received">Link payments and debt service received, months 1 to <paramref name="Month"/>.</param>
/// <param name="Revenue">Outside revenue received, months 1 to <paramref name="Month"/>.</param>
/// <param name="Paid">Link payments and debt service paid, months 1 to <paramref name="Month"/> (debt service included).</param>
/// <param name="DebtServicePaid">Of <paramref name="Paid"/>, the interest and principal it paid on its dated debts.</param>
/// <param name="Costs">Outside costs paid, months 1 to <paramref name="Month"/>.</param>
/// <param name="Losses">Losses charged against its capital by the end of that month (0 when immune, without a capital figure).</param>
public sealed record RunwayFailure(int Month, RunwayFailureCause Cause, double? Cash, double Received, double Revenue, double Paid, double DebtServicePaid, double Costs, double Losses)
{
    /// <summary>A one-line explanation, e.g. <c>month 3, cash: received 4 + revenue 3 − paid 6 (debt service 2) − costs 9 → cash −1</c>.</summary>
    /// <returns>The explanation, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"month {Month}, {Cause.ToString().ToLowerInvariant()}: received {Received:0.####} + revenue {Revenue:0.####} − paid {Paid:0.####} (debt service {DebtServicePaid:0.####}) − costs {Costs:0.####}{(Cash is { } c ? $" → cash {c:0.####}" : " (unlimited cash)")}{(Losses > 0 ? $", losses {Losses:0.####}" : string.Empty)}");
}
