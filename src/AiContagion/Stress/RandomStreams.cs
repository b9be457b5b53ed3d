using AiContagion.Generators;
using AiContagion.Numerics;

namespace AiContagion.Stress;

/// <summary>
/// Independent random streams derived from a seed and a stream number (a trial), so a Monte Carlo result depends on
/// the seed and nothing else: not on the thread count, the scheduling or the order trials finish in.
/// </summary>
/// <remarks>
/// Stream <c>k</c> of seed <c>s</c> is xoshiro256** (<see cref="SeededRandom"/>) seeded with
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
    public static SeededRandom Create(long seed, long stream) => new(StreamSeed(seed, stream));

    /// <summary>The SplitMix64 finaliser (a bijection on 64-bit values).</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
