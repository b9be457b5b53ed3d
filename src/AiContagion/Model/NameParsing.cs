namespace AiContagion.Model;

/// <summary>Lenient parsing of enum names shared by <see cref="SectorFacts"/> and <see cref="LinkKindFacts"/>.</summary>
internal static class NameParsing
{
    /// <summary>
    /// Matches <paramref name="text"/> against the names of <paramref name="values"/>, ignoring case, spaces,
    /// hyphens and underscores. Digits-only text never matches (no numeric enum values from files).
    /// </summary>
    public static bool TryParse<T>(ReadOnlySpan<char> text, T[] values, out T result)
        where T : struct, Enum
    {
        // Fast path: the canonical spelling, as every file we write uses.
        var names = Names<T>.Values;
        for (var i = 0; i < names.Length; i++)
        {
            if (text.SequenceEqual(names[i]))
            {
                result = values[i];
                return true;
            }
        }

        Span<char> buffer = stackalloc char[64];
        var length = 0;
        foreach (var c in text.Trim())
        {
            if (c is ' ' or '-' or '_')
            {
                continue;
            }

            if (length == buffer.Length)
            {
                result = default;
                return false;
            }

            buffer[length++] = c;
        }

        var normalised = buffer[..length];
        for (var i = 0; i < names.Length; i++)
        {
            if (normalised.Equals(names[i], StringComparison.OrdinalIgnoreCase))
            {
                result = values[i];
                return true;
            }
        }

        result = default;
        return false;
    }

    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly string[] Values = Enum.GetNames<T>();
    }
}
