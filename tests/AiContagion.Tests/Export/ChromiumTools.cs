using System.Diagnostics;
using System.Text;

namespace AiContagion.Tests.Export;

/// <summary>
/// Headless Chromium for the report tests (Debian's <c>/usr/bin/chromium</c>; CI installs it): every run gets a new
/// profile folder and the flags that keep it off the network (no background networking, component updates, sync or
/// QUIC). Console messages (errors, Content-Security-Policy refusals) are read from its log on standard error. Tests
/// that use it fail, not skip, when it is missing.
/// </summary>
internal static class ChromiumTools
{
    public static string Find()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } configured)
        {
            return configured;
        }

        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome" })
        {
            foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var path = Path.Combine(folder, name);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        throw new AssertFailedException("Chromium is not installed (apt-get install chromium; .ci/run installs it).");
    }

    /// <summary>Runs Chromium headless on a file with extra arguments; returns standard output and standard error.</summary>
    public static (string Output, string Error) Run(string file, params string[] arguments)
    {
        var profile = Path.Combine(Path.GetTempPath(), "aicontagion-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        try
        {
            var start = new ProcessStartInfo(Find())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--enable-logging=stderr", "--v=0",
            }.Concat(arguments).Append(new Uri(Path.GetFullPath(file)).AbsoluteUri))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("Chromium did not finish within 120 s.");
            }

            process.WaitForExit();
            return (output.Result, error.Result);
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold a file for a moment; the temporary folder is cleaned by the system.
            }
        }
    }

    /// <summary>The page's console messages (log, warnings, errors, Content-Security-Policy refusals) from Chromium's log.</summary>
    public static List<string> ConsoleMessages(string error) =>
        [.. error.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal) || l.Contains("Content Security Policy", StringComparison.Ordinal))];
}
