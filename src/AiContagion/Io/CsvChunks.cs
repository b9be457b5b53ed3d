using System.Buffers;
using System.Text.Unicode;
using Microsoft.Win32.SafeHandles;

namespace AiContagion.Io;

/// <summary>
/// Splits a large CSV file at line boundaries into pieces that can be parsed at the same time, each numbering its lines
/// from where it starts, so that every row keeps its exact line and the pieces joined in order are the file.
/// </summary>
/// <remarks>
/// <para>One streaming pass over the file (64 KiB at a time, nothing kept) checks it and finds the split points. Only
/// files that can be split without parsing qualify: valid UTF-8, no quote character anywhere (a quoted field may hold
/// a line break, so a line break is a row boundary only without quotes), and no carriage return that is not followed
/// by a line feed (the CSV reader counts a lone <c>\r</c> as a line break; <c>\r\n</c> counts once, like <c>\n</c>).
/// Anything else is read in one piece, as before, and reports its problems exactly as before.</para>
/// <para>The first piece holds the header. A piece starts right after a <c>\n</c>; its line offset is the number of
/// <c>\n</c> before it. Each piece is then read from the file by its own reader (<see cref="Open"/>). Thread-safe (no
/// shared state).</para>
/// </remarks>
internal static class CsvChunks
{
    /// <summary>Files smaller than this are read in one piece (the split and the threads cost more than they save).</summary>
    public const long MinimumBytes = 4 << 20;

    private const int BufferBytes = 1 << 16;

    /// <summary>One piece: its bytes in the file, the line breaks before it and in it.</summary>
    public readonly record struct Piece(long Start, long Length, int LineOffset, int LineBreaks);

    /// <summary>
    /// Plans at most <paramref name="parts"/> pieces of a file; <see langword="false"/> when it is not worth it or not
    /// safe: fewer than two pieces, smaller than <paramref name="minimumBytes"/>, a quote, a lone carriage return, invalid
    /// UTF-8 (the sequential read reports that one).
    /// </summary>
    public static bool TryPlan(string path, int parts, long minimumBytes, out Piece[] pieces, int bufferBytes = BufferBytes)
    {
        pieces = [];
        if (parts < 2)
        {
            return false;
        }

        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var length = RandomAccess.GetLength(handle);
        if (length < Math.Max(1, minimumBytes))
        {
            return false;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(bufferBytes + 4);
        try
        {
            return Scan(handle, length, parts, buffer, Math.Max(8, bufferBytes), out pieces);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A stream over one piece of the file, for its own reader.</summary>
    public static Stream Open(string path, Piece piece) => new FileSegmentStream(path, piece.Start, piece.Length);

    private static bool Scan(SafeFileHandle handle, long length, int parts, byte[] buffer, int bufferBytes, out Piece[] pieces)
    {
        pieces = [];
        var list = new List<Piece>(parts);
        long offset = 0;        // file offset of buffer[0]
        var carried = 0;        // bytes of an incomplete UTF-8 sequence kept at the start of the buffer
        var lineBreaks = 0;     // \n before the scan position
        var pieceStart = 0L;
        var pieceOffset = 0;
        var crAtEnd = false;    // the previous block ended with \r: this one must start with \n
        var k = 1;
        var target = TargetOf(1);
        while (true)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(carried, bufferBytes - carried), offset + carried);
            var filled = carried + read;
            var atEnd = read == 0 || offset + filled >= length;
            var block = buffer.AsSpan(0, filled);
            var complete = atEnd ? filled : CompleteUtf8(block);
            var body = block[..complete];
            if (!Utf8.IsValid(body) || body.Contains((byte)'"') || (crAtEnd && (body.IsEmpty || body[0] != (byte)'\n')) || !CarriageReturnsPaired(body, atEnd))
            {
                return false;
            }

            crAtEnd = !body.IsEmpty && body[^1] == (byte)'\r';
            var position = 0;
            while (true)
            {
                // The next split: right after the first \n at or past the target (the header line is always in the first piece).
                var from = Math.Max(position, (int)Math.Clamp(target - offset, 0, complete));
                var next = k < parts && from < complete ? body[from..].IndexOf((byte)'\n') : -1;
                if (next < 0)
                {
                    break;
                }

                var end = from + next + 1;
                lineBreaks += body[position..end].Count((byte)'\n');
                position = end;
                list.Add(new Piece(pieceStart, offset + end - pieceStart, pieceOffset, lineBreaks - pieceOffset));
                pieceStart = offset + end;
                pieceOffset = lineBreaks;
                target = TargetOf(++k);
            }

            lineBreaks += body[position..].Count((byte)'\n');
            if (atEnd)
            {
                break;
            }

            carried = filled - complete;
            block[complete..].CopyTo(buffer);
            offset += complete;
        }

        if (pieceStart < length)
        {
            list.Add(new Piece(pieceStart, length - pieceStart, pieceOffset, lineBreaks - pieceOffset));
        }

        if (list.Count < 2)
        {
            return false;
        }

        pieces = [.. list];
        return true;

        long TargetOf(int part) => length * part / parts;
    }

    /// <summary>Whether every \r in the block is followed by \n (a \r last in a block is checked against the next one).</summary>
    private static bool CarriageReturnsPaired(ReadOnlySpan<byte> body, bool atEnd)
    {
        var rest = body;
        while (true)
        {
            var cr = rest.IndexOf((byte)'\r');
            if (cr < 0)
            {
                return true;
            }

            if (cr + 1 >= rest.Length)
            {
                return !atEnd;
            }

            if (rest[cr + 1] != (byte)'\n')
            {
                return false;
            }

            rest = rest[(cr + 2)..];
        }
    }

    /// <summary>The length of the block without a trailing incomplete UTF-8 sequence (at most 3 bytes).</summary>
    private static int CompleteUtf8(ReadOnlySpan<byte> block)
    {
        for (var back = 1; back <= Math.Min(3, block.Length); back++)
        {
            var b = block[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue;
            }

            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? block.Length - back : block.Length;
        }

        return block.Length;
    }

    /// <summary>A read-only stream over bytes [start, start + length) of a file, read with positioned reads.</summary>
    private sealed class FileSegmentStream(string path, long start, long length) : Stream
    {
        private readonly SafeFileHandle _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var wanted = (int)Math.Min(buffer.Length, length - _position);
            if (wanted <= 0)
            {
                return 0;
            }

            var read = RandomAccess.Read(_handle, buffer[..wanted], start + _position);
            _position += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _handle.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
