using AiContagion.Generators;
using AiContagion.Numerics;

namespace AiContagion.Stress;

/// <summary>
/// A <see cref="Random"/> over a <see cref="SeededRandom"/> stream, so MathNet.Numerics samplers (Beta, LogNormal)
/// draw from the seeded per-trial stream.
/// </summary>
/// <remarks>Not thread-safe: one per stream.</remarks>
internal sealed class StreamRandom(SeededRandom source) : Random
{
    /// <summary>The underlying stream; may be switched to the next trial's stream (saves an allocation per trial).</summary>
    public SeededRandom Source { get; set; } = source;

    /// <inheritdoc/>
    public override double NextDouble() => Source.NextDouble();

    /// <inheritdoc/>
    protected override double Sample() => Source.NextDouble();

    /// <inheritdoc/>
    public override int Next() => (int)(Source.NextUInt64() >> 33);

    /// <inheritdoc/>
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return Source.Next(maxValue);
    }

    /// <inheritdoc/>
    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return (int)(minValue + Source.NextInt64((long)maxValue - minValue));
    }

    /// <inheritdoc/>
    public override long NextInt64() => (long)(Source.NextUInt64() >> 1);

    /// <inheritdoc/>
    public override void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        NextBytes(buffer.AsSpan());
    }

    /// <inheritdoc/>
    public override void NextBytes(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)Source.NextUInt64();
        }
    }
}
