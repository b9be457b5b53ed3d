namespace AiContagion.Valuation;

/// <summary>
/// Where a firm's external liabilities (<see cref="Model.Entity.ExternalLiabilities"/>, owed to creditors outside the
/// network) rank in the cross-holdings valuation's seniority layers.
/// </summary>
public enum ExternalLiabilityRank
{
    /// <summary>
    /// Pari passu with the firm's senior network debt (the default): one senior layer shared pro rata by the outside
    /// creditors and the network's senior creditors, as in Eisenberg–Noe with external liabilities, Suzuki's
    /// <c>d</c>, and Glasserman &amp; Young (2015). With one layer this is <c>ExternalLiabilitySeniority.PariPassu</c>
    /// of the clearing models.
    /// </summary>
    WithSenior,

    /// <summary>
    /// A layer of their own, paid before any network debt (the clearing models' <c>ExternalLiabilitySeniority.Senior</c>).
    /// </summary>
    First,

    /// <summary>
    /// Pari passu with the firm's junior network debt: paid after every senior network claim (after all network debt
    /// when <see cref="ValuationOptions.SeniorityLayers"/> is off).
    /// </summary>
    WithJunior,
}
