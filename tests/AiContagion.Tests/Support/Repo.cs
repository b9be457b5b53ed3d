namespace AiContagion.Tests.Support;

/// <summary>Paths inside the repository, found by walking up to AiContagion.sln.</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "AiContagion.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AiContagion.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Graph(string name) => Path("graphs", name);

    public static string TestData(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, "Data", .. parts]);
}
