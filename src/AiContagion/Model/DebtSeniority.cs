namespace AiContagion.Model;

/// <summary>
/// The rank of a debt link's claim in the borrower's default (<see cref="Link.Seniority"/>): senior debt is paid
/// before junior debt, and both before equity. Written in lower case in every format (<c>senior</c>, <c>junior</c>).
/// A debt link that states no seniority is senior.
/// </summary>
public enum DebtSeniority : byte
{
    /// <summary>Paid first (the default).</summary>
    Senior,

    /// <summary>Paid after every senior claim.</summary>
    Junior,
}
