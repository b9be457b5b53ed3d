namespace AiContagion.Numerics;

/// <summary>
/// The seeded pseudo-random source of the generators, the stress runs and the reconstruction samplers: xoshiro256** (Blackman &amp; Vigna 2018) seeded through
/// SplitMix64, so the same seed gives the same network on every machine, runtime and thread count.
/// </summary>
/// <remarks>Not thread-safe; one instance per generation or run.</remarks>
internal sealed class SeededRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public SeededRandom(long seed)
    {
        var x = unchecked((ulong)seed);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>A uniform 64-bit value.</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="bound"/>) (Lemire's unbiased method).</summary>
    public int Next(int bound)
    {
        if (bound <= 1)
        {
            return 0;
        }

        var b = (ulong)bound;
        while (true)
        {
            var product = Math.BigMul(NextUInt64(), b, out var low);
            if (low >= b || low >= (0 - b) % b)
            {
                return (int)product;
            }
        }
    }

    /// <summary>A uniform long in [0, <paramref name="bound"/>).</summary>
    public long NextInt64(long bound)
    {
        var b = (ulong)bound;
        while (true)
        {
            var product = Math.BigMul(NextUInt64(), b, out var low);
            if (low >= b || low >= (0 - b) % b)
            {
                return (long)product;
            }
        }
    }

    /// <summary>A standard normal variate (Box–Muller, both values used in turn).</summary>
    public double NextGaussian()
    {
        if (_spare is { } spare)
        {
            _spare = null;
            return spare;
        }

        double u;
        do
        {
            u = NextDouble();
        }
        while (u <= double.Epsilon);

        var v = NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u));
        _spare = radius * Math.Sin(2 * Math.PI * v);
        return radius * Math.Cos(2 * Math.PI * v);
    }

    /// <summary>A log-normal variate exp(μ + σZ).</summary>
    public double NextLogNormal(double mu, double sigma) => Math.Exp(mu + (sigma * NextGaussian()));

    private double? _spare;

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
