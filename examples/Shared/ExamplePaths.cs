namespace AiContagion.Examples;

/// <summary>Finds the repository's graphs/ folder from wherever an example runs (linked into each example that reads a shipped graph).</summary>
internal static class ExamplePaths
{
    public static string Graph(string name)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "graphs", name);
                if (File.Exists(candidate) || Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"Could not find graphs/{name} above the current folder; pass a graph path as the first argument.");
    }
}
