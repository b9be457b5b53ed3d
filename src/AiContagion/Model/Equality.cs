using System.Collections.Immutable;

namespace AiContagion.Model;

/// <summary>Value-equality helpers for the immutable collections inside model records.</summary>
internal static class Equality
{
    /// <summary>The shared empty attribute map (ordinal keys); one instance, never one per entity or link.</summary>
    public static readonly ImmutableSortedDictionary<string, string> NoAttributes =
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    public static bool SameAttributes(ImmutableSortedDictionary<string, string> a, ImmutableSortedDictionary<string, string> b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other) || value != other)
            {
                return false;
            }
        }

        return true;
    }

    public static bool SameSequence<T>(ImmutableArray<T> a, ImmutableArray<T> b)
    {
        if (a.IsDefault || b.IsDefault)
        {
            return a.IsDefaultOrEmpty && b.IsDefaultOrEmpty;
        }

        return a.AsSpan().SequenceEqual(b.AsSpan());
    }
}
