namespace AiContagion.Cascades;

/// <summary>How a clearing model ranks an entity's external liabilities against what it owes inside the network.</summary>
public enum ExternalLiabilitySeniority
{
    /// <summary>
    /// Pari passu: external creditors and network creditors share what the entity can pay in proportion to what
    /// they are owed (<c>p̄ = network obligations + external liabilities</c>; the external creditors act as one more
    /// creditor outside the network).
    /// </summary>
    PariPassu,

    /// <summary>
    /// Senior: external creditors are paid first; network creditors share what is left
    /// (<c>p = min(p̄_network, max(0, assets − external liabilities))</c>).
    /// </summary>
    Senior,
}
