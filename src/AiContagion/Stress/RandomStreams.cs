using AiContagion.Generators;

namespace AiContagion.Stress;

/// <summary>
/// Independent random streams derived from a seed and a stream number (a trial), so a Monte Carlo result depends on
/// the seed and nothing else: not on the thread count, the scheduling or the order trials finish in.
/// </summary>
/// <remarks>
/// Stream <c>k</c> of seed <c>s</c> is xoshiro256** (<see cref="GeneratorRandom"/>) seeded with
/// <c>mix(mix(s) + (k + 1) · γ)</c>, where mix is the SplitMix64 finaliser and γ = 0x9E3779B97F4A7C15 (Steele, Lea
/// &amp; Flood 2014, "Fast splittable pseudorandom number generators", OOPSLA '14, doi:10.1145/2660193.2660195).
/// Distinct stream numbers give distinct 64-bit seeds (mix is a bijection), whose states the SplitMix seeding of
/// xoshiro256** spreads apart. Thread-safe (stateless).
/// </remarks>
internal static class RandomStreams
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>The 64-bit seed of stream <paramref name="stream"/> of <paramref name="seed"/>.</summary>
    public static long StreamSeed(long seed, long stream) =>
        unchecked((long)Mix(Mix((ulong)seed) + (((ulong)stream + 1) * Gamma)));

    /// <summary>The 64-bit seed of stream (<paramref name="first"/>, <paramref name="second"/>) of <paramref name="seed"/>.</summary>
    public static long StreamSeed(long seed, long first, long second) => StreamSeed(StreamSeed(seed, first), second);

    /// <summary>The random source of one stream.</summary>
    public static GeneratorRandom Create(long seed, long stream) => new(StreamSeed(seed, stream));

    /// <summary>The SplitMix64 finaliser (a bijection on 64-bit values).</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>
/// A <see cref="Random"/> over a <see cref="GeneratorRandom"/> stream, so MathNet.Numerics samplers (Beta, LogNormal)
/// draw from the seeded per-trial stream.
/// </summary>
/// <remarks>Not thread-safe: one per stream.</remarks>
internal sealed class StreamRandom(GeneratorRandom source) : Random
{
    /// <summary>The underlying stream; may be switched to the next trial's stream (saves an allocation per trial).</summary>
    public GeneratorRandom Source { get; set; } = source;

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
