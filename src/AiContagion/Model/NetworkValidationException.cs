using System.Collections.Immutable;

namespace AiContagion.Model;

/// <summary>
/// Thrown by <see cref="FinancingNetworkBuilder.Build"/> when the network is invalid. Carries <b>every</b>
/// problem found, not only the first.
/// </summary>
/// <remarks>Derives from <see cref="ArgumentException"/>: the caller handed the builder invalid data.</remarks>
public sealed class NetworkValidationException : ArgumentException
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">Every problem; at least one.</param>
    public NetworkValidationException(IReadOnlyList<NetworkProblem> problems)
        : base(ProblemText.Describe("The financing network is invalid", problems))
    {
        Problems = [.. problems];
    }

    /// <summary>Creates the exception with a message only.</summary>
    public NetworkValidationException()
        : this("The financing network is invalid.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public NetworkValidationException(string message)
        : base(message)
    {
        Problems = [new NetworkProblem(null, null, null, message)];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public NetworkValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [new NetworkProblem(null, null, null, message)];
    }

    /// <summary>Every problem found, in input order.</summary>
    public ImmutableArray<NetworkProblem> Problems { get; }
}
