namespace AiContagion.Io;

/// <summary>
/// Writes files whole or not at all: the content goes to a temporary file in the same folder, which is flushed
/// to disk and then renamed over the target. A crash or an exception mid-write leaves the old file (or no file)
/// and never a half-written one.
/// </summary>
/// <remarks>Thread-safe for distinct paths. The rename is atomic on the same file system (POSIX <c>rename</c>).</remarks>
internal static class AtomicFile
{
    /// <summary>Writes a file atomically.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="write">Writes the content to the stream it is given.</param>
    /// <exception cref="IOException">The file could not be written; the target is untouched.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        WriteAll([new KeyValuePair<string, Action<Stream>>(path, write)]);
    }

    /// <summary>
    /// Writes several files as one step: every content goes to its temporary file first (flushed to disk), and
    /// only when all are written are they renamed over their targets, one after the other. An exception or a crash
    /// while writing leaves every target untouched; the only window in which some targets are new and some old is
    /// the run of renames itself (microseconds, no data written).
    /// </summary>
    /// <param name="files">Target path → writer of its content.</param>
    /// <exception cref="IOException">A file could not be written; no target was touched.</exception>
    public static void WriteAll(IReadOnlyList<KeyValuePair<string, Action<Stream>>> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var staged = new List<(string Temporary, string Target)>(files.Count);
        try
        {
            foreach (var (path, write) in files)
            {
                ArgumentException.ThrowIfNullOrEmpty(path);
                ArgumentNullException.ThrowIfNull(write);
                var full = Path.GetFullPath(path);
                var directory = Path.GetDirectoryName(full) ?? ".";
                Directory.CreateDirectory(directory);
                var temporary = TemporaryName(full, directory);
                staged.Add((temporary, full));
                using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            for (var i = 0; i < staged.Count; i++)
            {
                File.Move(staged[i].Temporary, staged[i].Target, overwrite: true);
                staged[i] = (string.Empty, staged[i].Target);
            }
        }
        catch
        {
            foreach (var (temporary, _) in staged)
            {
                if (temporary.Length > 0)
                {
                    TryDelete(temporary);
                }
            }

            throw;
        }
    }

    /// <summary>Writes text atomically, UTF-8 without a byte-order mark.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="text">The content.</param>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
            writer.Write(text);
        });
    }

    /// <summary>Writes bytes atomically.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="bytes">The content.</param>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        Write(path, stream => stream.Write(copy));
    }

    /// <summary>A hidden sibling of the target, unique to this process and call: <c>.NAME.PID.GUID.tmp</c>.</summary>
    private static string TemporaryName(string full, string directory) =>
        Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a stray temporary file is harmless and named as one.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
