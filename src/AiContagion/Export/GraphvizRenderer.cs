using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using AiContagion.Io;

namespace AiContagion.Export;

/// <summary>
/// Renders DOT text to SVG or PNG with Graphviz <c>dot</c>, run as a child process: the DOT goes to its
/// standard input, the image comes back on its standard output, and its standard error is kept for messages.
/// </summary>
/// <remarks>
/// <para>The program is started directly with an argument list (never through a shell), so no text can become
/// a command. A rendering that takes longer than <see cref="GraphvizOptions.Timeout"/>, or whose
/// cancellation token fires, stops the process (and any children it started). Output files are written whole
/// or not at all (<see cref="AtomicFile"/>).</para>
/// <para>Input with several graphs renders each in turn (Graphviz concatenates the outputs); tests use that
/// to render many documents with one process.</para>
/// <para>Thread-safe: each call starts its own process. Cost: one process start (a few milliseconds) plus
/// Graphviz's layout, roughly linear in practice for the tiered layouts <see cref="DotWriter"/> writes.</para>
/// <para>Gansner, E. R., Koutsofios, E., North, S. C., Vo, K.-P. (1993). A technique for drawing directed
/// graphs. IEEE Transactions on Software Engineering 19(3), 214–230. DOI 10.1109/32.221135 (the algorithm of
/// <c>dot</c>).</para>
/// </remarks>
public sealed class GraphvizRenderer
{
    private const int MaximumMessageLength = 2000;

    /// <summary>Creates a renderer.</summary>
    /// <param name="options">Where <c>dot</c> is and how long it may run; <see langword="null"/> means <see cref="GraphvizOptions.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public GraphvizRenderer(GraphvizOptions? options = null)
    {
        Options = options ?? GraphvizOptions.Default;
        Options.Validate();
    }

    /// <summary>The options.</summary>
    public GraphvizOptions Options { get; }

    /// <summary>Whether <c>dot</c> can be found (see <see cref="FindDot"/>).</summary>
    public bool IsAvailable => FindDot() is not null;

    /// <summary>The full path of the <c>dot</c> program, or <see langword="null"/> when it cannot be found.</summary>
    /// <returns>The path, or <see langword="null"/>.</returns>
    public string? FindDot()
    {
        var name = Options.DotPath ?? "dot";
        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || Path.IsPathRooted(name))
        {
            return File.Exists(name) ? Path.GetFullPath(name) : null;
        }

        string[] candidates = OperatingSystem.IsWindows() && !name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) ? [name + ".exe", name] : [name];
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var candidate in candidates)
            {
                var full = Path.Combine(directory, candidate);
                if (File.Exists(full))
                {
                    return full;
                }
            }
        }

        return null;
    }

    /// <summary>The version line <c>dot -V</c> prints (e.g. <c>dot - graphviz version 2.43.0 (0)</c>).</summary>
    /// <param name="cancellationToken">Stops the process.</param>
    /// <returns>The version line.</returns>
    /// <exception cref="GraphvizNotFoundException"><c>dot</c> is not installed.</exception>
    public string Version(CancellationToken cancellationToken = default)
    {
        var result = Run(["-V"], [], cancellationToken);
        return result.Error.Trim();
    }

    /// <summary>Renders DOT text to an image in memory.</summary>
    /// <param name="dot">The DOT text (UTF-8 is sent).</param>
    /// <param name="format">The image format.</param>
    /// <param name="cancellationToken">Stops the process.</param>
    /// <returns>The image bytes and any warnings <c>dot</c> printed.</returns>
    /// <exception cref="GraphvizNotFoundException"><c>dot</c> is not installed; the message names the <c>graphviz</c> package.</exception>
    /// <exception cref="GraphvizRenderException"><c>dot</c> failed or timed out.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public GraphvizOutput Render(string dot, GraphvizFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dot);
        List<string> arguments = format switch
        {
            GraphvizFormat.Svg => ["-Tsvg"],
            GraphvizFormat.Png => ["-Tpng", "-Gdpi=" + Options.Dpi.ToString(CultureInfo.InvariantCulture)],
            GraphvizFormat.Plain => ["-Tplain"],
            GraphvizFormat.Json => ["-Tjson"],
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown Graphviz format."),
        };
        var result = Run(arguments, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(dot), cancellationToken);
        if (result.Output.Length == 0)
        {
            throw new GraphvizRenderException("Graphviz 'dot' produced no output. " + Shorten(result.Error));
        }

        return new GraphvizOutput(result.Output, result.Error.Trim());
    }

    /// <summary>Renders DOT text to an image file, written whole or not at all.</summary>
    /// <param name="dot">The DOT text.</param>
    /// <param name="path">The target file.</param>
    /// <param name="format">The image format.</param>
    /// <param name="cancellationToken">Stops the process.</param>
    /// <returns>The image bytes and any warnings <c>dot</c> printed.</returns>
    /// <exception cref="GraphvizNotFoundException"><c>dot</c> is not installed; no file is written.</exception>
    /// <exception cref="GraphvizRenderException"><c>dot</c> failed or timed out; no file is written.</exception>
    /// <exception cref="IOException">The file could not be written; an existing file is left as it was.</exception>
    public GraphvizOutput RenderFile(string dot, string path, GraphvizFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var output = Render(dot, format, cancellationToken);
        AtomicFile.WriteAllBytes(path, output.Content);
        return output;
    }

    private (byte[] Output, string Error) Run(IReadOnlyList<string> arguments, byte[] input, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var program = FindDot() ?? throw new GraphvizNotFoundException(
            GraphvizNotFoundException.StandardMessage(Options.DotPath ?? "dot"), Options.DotPath ?? "dot");
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new GraphvizNotFoundException(
                $"Graphviz '{program}' could not be started ({e.Message}). " + GraphvizNotFoundException.StandardMessage(program), e);
        }

        using var timeout = new CancellationTokenSource(Options.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output, linked.Token);
        var errors = process.StandardError.ReadToEndAsync(linked.Token);
        var writing = WriteInputAsync(process.StandardInput.BaseStream, input, linked.Token);
        try
        {
            Task.WhenAll(reading, errors, writing, process.WaitForExitAsync(linked.Token)).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            Stop(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new GraphvizRenderException(
                string.Create(CultureInfo.InvariantCulture, $"Graphviz 'dot' did not finish within {Options.Timeout.TotalSeconds:0.###} s and was stopped."),
                new TimeoutException());
        }
        finally
        {
            if (!process.HasExited)
            {
                Stop(process);
            }
        }

        var error = errors.Result;
        if (process.ExitCode != 0)
        {
            throw new GraphvizRenderException(
                string.Create(CultureInfo.InvariantCulture, $"Graphviz 'dot' failed with exit code {process.ExitCode}: {Shorten(error)}"));
        }

        return (output.ToArray(), error);
    }

    private static async Task WriteInputAsync(Stream input, byte[] bytes, CancellationToken cancellationToken)
    {
        try
        {
            await input.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await input.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // dot closed its input early (it failed); its exit code and standard error say why.
        }
        finally
        {
            await input.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (Win32Exception)
        {
            // Could not be stopped (already gone); nothing more to do.
        }
    }

    private static string Shorten(string text)
    {
        text = text.Trim();
        return text.Length <= MaximumMessageLength ? text : string.Concat(text.AsSpan(0, MaximumMessageLength), " …");
    }
}

/// <summary>What <see cref="GraphvizRenderer"/> got back from <c>dot</c>.</summary>
/// <param name="Content">The image bytes (SVG text in UTF-8, or PNG).</param>
/// <param name="Warnings">What <c>dot</c> printed on standard error while succeeding (empty when nothing).</param>
public sealed record GraphvizOutput(byte[] Content, string Warnings);
