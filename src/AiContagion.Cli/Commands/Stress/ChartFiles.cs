using AiContagion.Cli.Infrastructure;
using AiContagion.Export;

namespace AiContagion.Cli.Commands.Stress;

/// <summary>Checks chart paths before a long run, so a bad extension fails fast.</summary>
internal static class ChartFiles
{
    /// <summary>Throws a usage error unless the path ends in .png or .svg.</summary>
    public static void Check(string option, string? path)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            Chart.FormatOf(path);
        }
        catch (ArgumentException)
        {
            throw new CliUsageException($"{option}: '{path}' should end in .png or .svg.");
        }
    }
}
