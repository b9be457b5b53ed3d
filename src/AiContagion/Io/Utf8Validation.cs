using System.Buffers;
using System.Text;
using System.Text.Unicode;
using AiContagion.Model;

namespace AiContagion.Io;

/// <summary>
/// Rejects input that is not valid UTF-8 with the line of the first bad byte, instead of letting a decoder
/// silently replace it (CSV) or fail later with an untyped error (JSON string contents).
/// </summary>
internal static class Utf8Validation
{
    /// <summary>Finds the first invalid UTF-8 sequence; returns a problem naming its line, or <see langword="null"/>.</summary>
    public static NetworkProblem? Check(ReadOnlySpan<byte> utf8, string? fileName)
    {
        if (Utf8.IsValid(utf8))
        {
            return null;
        }

        var offset = FirstInvalid(utf8);
        var line = 1 + utf8[..offset].Count((byte)'\n');
        return Problem(fileName, line, offset);
    }

    /// <summary>Streams a file through the same check in 64 KiB chunks (no copy of the whole file).</summary>
    public static NetworkProblem? CheckFile(string path) => CheckFile(path, out _);

    /// <summary><see cref="CheckFile(string)"/>, counting the file's line breaks (<c>\n</c>) on the way (−1 when invalid): readers size their tables with it.</summary>
    public static NetworkProblem? CheckFile(string path, out int lineBreaks)
    {
        lineBreaks = -1;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = ArrayPool<byte>.Shared.Rent((1 << 16) + 4);
        try
        {
            var carried = 0;
            var line = 1;
            long consumedBefore = 0;
            while (true)
            {
                var read = stream.Read(buffer, carried, (1 << 16) - carried);
                var length = carried + read;
                var chunk = buffer.AsSpan(0, length);
                var atEnd = read == 0;
                if (length == 0)
                {
                    lineBreaks = line - 1;
                    return null;
                }

                // Keep an incomplete trailing sequence (at most 3 bytes) for the next chunk.
                var complete = atEnd ? length : CompletePrefix(chunk);
                var body = chunk[..complete];
                if (!Utf8.IsValid(body))
                {
                    var offset = FirstInvalid(body);
                    return Problem(path, line + body[..offset].Count((byte)'\n'), consumedBefore + offset);
                }

                line += body.Count((byte)'\n');
                if (atEnd)
                {
                    lineBreaks = line - 1;
                    return null;
                }

                consumedBefore += complete;
                carried = length - complete;
                chunk[complete..].CopyTo(buffer);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static NetworkProblem Problem(string? fileName, int line, long offset) =>
        new(new SourceLocation(fileName, line), null, null,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"invalid UTF-8 at byte {offset}; save the file as UTF-8"));

    private static int FirstInvalid(ReadOnlySpan<byte> utf8)
    {
        var offset = 0;
        while (offset < utf8.Length)
        {
            if (Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }

    /// <summary>The length of the chunk without a trailing partial multi-byte sequence.</summary>
    private static int CompletePrefix(ReadOnlySpan<byte> chunk)
    {
        for (var back = 1; back <= Math.Min(3, chunk.Length); back++)
        {
            var b = chunk[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue; // continuation byte: look further back for the lead byte
            }

            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? chunk.Length - back : chunk.Length;
        }

        return chunk.Length;
    }
}
