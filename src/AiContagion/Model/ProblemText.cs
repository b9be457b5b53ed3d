using System.Collections.Immutable;

namespace AiContagion.Model;

/// <summary>Formats a list of problems into one exception message.</summary>
internal static class ProblemText
{
    /// <summary>How many problems a message lists before it says "and N more".</summary>
    public const int MaxListed = 20;

    public static string Describe(string headline, IReadOnlyList<NetworkProblem> problems)
    {
        if (problems.Count == 0)
        {
            return headline + ".";
        }

        if (problems.Count == 1)
        {
            return problems[0].ToString();
        }

        var text = new System.Text.StringBuilder()
            .Append(headline).Append(": ").Append(problems.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append(" problems:");
        for (var i = 0; i < Math.Min(problems.Count, MaxListed); i++)
        {
            text.Append('\n').Append("  ").Append(problems[i]);
        }

        if (problems.Count > MaxListed)
        {
            text.Append("\n  ... and ").Append((problems.Count - MaxListed).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" more");
        }

        return text.ToString();
    }
}
