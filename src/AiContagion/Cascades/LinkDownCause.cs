namespace AiContagion.Cascades;

/// <summary>Why a link is down in a <see cref="CascadeResult"/> (docs/concepts.md#a-link-is-down, "a link is down").</summary>
/// <remarks>
/// A link is down when its payer withdrew or failed (the flow along it stops), or, for claim links only, when
/// its recipient failed (the funder's claim is impaired). When several causes apply, the first in time is kept;
/// within one round the order of this enumeration decides (<see cref="Withdrawn"/> before
/// <see cref="PayerFailed"/> before <see cref="RecipientFailed"/>).
/// </remarks>
public enum LinkDownCause
{
    /// <summary>The link is not down.</summary>
    None,

    /// <summary>The payer (<c>From</c>) withdrew: the shock itself stopped the flow.</summary>
    Withdrawn,

    /// <summary>The payer (<c>From</c>) failed and stopped paying.</summary>
    PayerFailed,

    /// <summary>The recipient (<c>To</c>) of a claim link failed: the funder's claim is impaired.</summary>
    RecipientFailed,
}
