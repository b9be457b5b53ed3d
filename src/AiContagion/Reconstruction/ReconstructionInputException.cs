using System.Collections.Immutable;
using AiContagion.Model;

namespace AiContagion.Reconstruction;

/// <summary>
/// The input of a reconstruction is wrong: a bad total, a duplicate id, totals that do not balance or that no network
/// can meet. Carries every problem found, each naming the entity (<see cref="NetworkProblem.Subject"/>) and the total
/// at fault (<see cref="NetworkProblem.Field"/>: <c>out</c> for a payer's total, <c>in</c> for a recipient's).
/// </summary>
/// <remarks>Derives from <see cref="ArgumentException"/>: the caller handed in invalid data.</remarks>
public sealed class ReconstructionInputException : ArgumentException
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">Every problem; at least one.</param>
    public ReconstructionInputException(IReadOnlyList<NetworkProblem> problems)
        : base(ProblemText.Describe("The totals cannot be reconstructed", problems ?? throw new ArgumentNullException(nameof(problems))))
    {
        Problems = [.. problems];
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ReconstructionInputException()
        : this("The totals cannot be reconstructed.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public ReconstructionInputException(string message)
        : base(message)
    {
        Problems = [new NetworkProblem(null, null, null, message)];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ReconstructionInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [new NetworkProblem(null, null, null, message)];
    }

    /// <summary>Every problem found, in input order.</summary>
    public ImmutableArray<NetworkProblem> Problems { get; }
}
