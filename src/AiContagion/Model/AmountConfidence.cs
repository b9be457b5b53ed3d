namespace AiContagion.Model;

/// <summary>
/// How far a link's <see cref="Link.Amount"/> can be trusted (<see cref="Link.Confidence"/>). Written in lower case in
/// every format (<c>reported</c>, <c>estimate</c>, <c>derived</c>).
/// </summary>
public enum AmountConfidence : byte
{
    /// <summary>The amount is reported by a filing, a release or the press.</summary>
    Reported,

    /// <summary>The amount is an estimate (a third party's, a leaked figure, or an analyst's split of a total).</summary>
    Estimate,

    /// <summary>No amount was disclosed; this one is derived from other figures (e.g. a reconstruction).</summary>
    Derived,
}
