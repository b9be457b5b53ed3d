using System.Collections.Immutable;

namespace AiContagion.Model;

/// <summary>
/// Random draws of a network's uncertain amounts: in draw k, every link with a range (<see cref="Link.Low"/>,
/// <see cref="Link.High"/>) takes an amount from the chosen <see cref="AmountDistribution"/> on that range, with the
/// stated <see cref="Link.Amount"/> as its mode; every other link keeps its amount. <see cref="Draw"/> returns the drawn
/// network, which any model reads like any network.
/// </summary>
/// <remarks>
/// <para><b>The range.</b> A link's range is [low, high]; a bound that is not given is the amount itself (a link with
/// only <c>low</c> may be smaller than stated, never larger). A link whose range is a single point keeps its amount.
/// The builder has checked <c>0 ≤ low ≤ amount ≤ high</c>, so every draw lies in the range and is never negative.</para>
/// <para><b>The drawn network</b> keeps everything but the drawn amounts: the entities, the metadata, the other links,
/// and each drawn link's other fields. A drawn link with a <see cref="Link.Schedule"/> has each payment scaled by
/// drawn / stated (the schedule still sums to the amount, and keeps its months); when the stated amount is 0 the drawn
/// amount is spread evenly over the scheduled payments. A link paid over <see cref="Link.TermYears"/>, or once, simply
/// pays the drawn amount on its terms; interest at <see cref="Link.Rate"/> runs on the drawn amount. The drawn network
/// shares the given network's entity tables and adjacency (it is not validated again: the draw cannot break a rule),
/// so a draw costs O(m) time and memory for m links — one copy of the link list and of the amounts — plus O(r) for
/// the r ranged links.</para>
/// <para><b>Randomness.</b> The amount of link l in draw k depends only on (seed, k, l): it comes from its own
/// SplitMix64 stream (Steele, Lea &amp; Flood 2014, doi:10.1145/2660193.2660195) whose 64-bit seed is
/// <c>mix(mix(s_k) + (l + 1)·γ)</c> with <c>s_k = mix(mix(seed) + (k + 1)·γ)</c>, mix the SplitMix64 finaliser and
/// γ = 0x9E3779B97F4A7C15 (the same derivation as the stress test's per-trial streams). So draws can be made in any
/// order, on any number of threads, with the same result; and giving a range to one more link changes no other link's
/// draws. Triangular and uniform amounts use one uniform variate (the inverse CDF, so the two distributions share
/// their randomness: common random numbers); PERT uses as many as its Gamma rejection sampler needs.</para>
/// <para><b>Complexity and thread safety.</b> Construction O(m). Immutable; <see cref="Draw"/> and <see cref="Amount"/>
/// may be called from several threads at once.</para>
/// <para>References: D. G. Malcolm, J. H. Roseboom, C. E. Clark &amp; W. Fazar (1959), "Application of a technique for
/// research and development program evaluation", Operations Research 7(5), 646–669, doi:10.1287/opre.7.5.646; D. Vose
/// (2008), <i>Risk Analysis: A Quantitative Guide</i>, 3rd ed., Wiley (the PERT shape with λ = 4); G. Marsaglia &amp;
/// W. W. Tsang (2000), "A simple method for generating gamma variables", ACM Transactions on Mathematical Software
/// 26(3), 363–372, doi:10.1145/358407.358414.</para>
/// </remarks>
public sealed class AmountDraws
{
    /// <summary>The seed used when none is given.</summary>
    public const long DefaultSeed = 1;

    /// <summary>λ, the weight of the mode in the Beta-PERT shape: α = 1 + λ(c − a)/(b − a), β = 1 + λ(b − c)/(b − a).</summary>
    public const double PertLambda = 4.0;

    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    private readonly double[] _low;
    private readonly double[] _mode;
    private readonly double[] _high;
    private readonly int[] _position;

    /// <summary>Prepares the draws of a network.</summary>
    /// <param name="network">The network; its ranged links are found once, here.</param>
    /// <param name="distribution">The distribution of every ranged amount. Default <see cref="AmountDistribution.Triangular"/>.</param>
    /// <param name="seed">The seed; the draws depend on it and on nothing else. Default <see cref="DefaultSeed"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="distribution"/> is not defined.</exception>
    public AmountDraws(FinancingNetwork network, AmountDistribution distribution = AmountDistribution.Triangular, long seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!Enum.IsDefined(distribution))
        {
            throw new ArgumentOutOfRangeException(nameof(distribution), distribution, "Unknown amount distribution.");
        }

        Network = network;
        Distribution = distribution;
        Seed = seed;
        var ranged = ImmutableArray.CreateBuilder<int>();
        var low = new List<double>();
        var mode = new List<double>();
        var high = new List<double>();
        _position = new int[network.LinkCount];
        for (var l = 0; l < network.LinkCount; l++)
        {
            _position[l] = -1;
            var link = network.Links[l];
            if (!link.HasDetails || (link.Low is null && link.High is null))
            {
                continue;
            }

            var a = link.Low ?? link.Amount;
            var b = link.High ?? link.Amount;
            if (a < b)
            {
                _position[l] = ranged.Count;
                ranged.Add(l);
                low.Add(a);
                mode.Add(link.Amount);
                high.Add(b);
            }
        }

        RangedLinks = ranged.ToImmutable();
        _low = [.. low];
        _mode = [.. mode];
        _high = [.. high];
    }

    /// <summary>The network whose amounts are drawn.</summary>
    public FinancingNetwork Network { get; }

    /// <summary>The distribution of every ranged amount.</summary>
    public AmountDistribution Distribution { get; }

    /// <summary>The seed.</summary>
    public long Seed { get; }

    /// <summary>The indices (in <see cref="FinancingNetwork.Links"/>) of the links whose amount is drawn: those whose range is more than a point, in network order.</summary>
    public ImmutableArray<int> RangedLinks { get; }

    /// <summary>The amount link <paramref name="link"/> takes in draw <paramref name="draw"/> (its stated amount when it has no range).</summary>
    /// <param name="draw">The draw number, 0 or more.</param>
    /// <param name="link">The link's index in <see cref="FinancingNetwork.Links"/>.</param>
    /// <returns>The amount, within the link's range.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="draw"/> is negative or <paramref name="link"/> is not a link index.</exception>
    public double Amount(long draw, int link)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(draw);
        ArgumentOutOfRangeException.ThrowIfNegative(link);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(link, Network.LinkCount);
        var i = _position[link];
        return i < 0 ? Network.Links[link].Amount : Sample(i, StreamSeed(draw));
    }

    /// <summary>The network of draw <paramref name="draw"/>: every ranged link with its drawn amount (see the remarks).</summary>
    /// <param name="draw">The draw number, 0 or more.</param>
    /// <returns>The drawn network; the given network itself when no link has a range.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="draw"/> is negative.</exception>
    public FinancingNetwork Draw(long draw)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(draw);
        if (RangedLinks.IsEmpty)
        {
            return Network;
        }

        var drawSeed = StreamSeed(draw);
        var links = Network.Links.ToBuilder();
        var amounts = (double[])Network.Index.Amount.Clone();
        for (var i = 0; i < RangedLinks.Length; i++)
        {
            var l = RangedLinks[i];
            var amount = Sample(i, drawSeed);
            amounts[l] = amount;
            links[l] = WithAmount(links[l], amount);
        }

        return Network.WithDrawnAmounts(links.MoveToImmutable(), amounts);
    }

    /// <summary>The link with a new amount, its schedule scaled to match.</summary>
    internal static Link WithAmount(Link link, double amount)
    {
        if (link.Schedule.IsEmpty)
        {
            return link with { Amount = amount };
        }

        var schedule = link.Schedule;
        var payments = ImmutableArray.CreateBuilder<ScheduledPayment>(schedule.Length);
        if (link.Amount > 0)
        {
            var scale = amount / link.Amount;
            foreach (var payment in schedule)
            {
                payments.Add(payment with { Amount = payment.Amount * scale });
            }
        }
        else
        {
            foreach (var payment in schedule)
            {
                payments.Add(payment with { Amount = amount / schedule.Length });
            }
        }

        return link with { Amount = amount, Schedule = payments.MoveToImmutable() };
    }

    /// <summary>The quantile function of the triangular and uniform distributions on [a, b] with mode c, at <paramref name="u"/> ∈ [0, 1].</summary>
    internal static double Quantile(AmountDistribution distribution, double a, double c, double b, double u)
    {
        if (distribution == AmountDistribution.Uniform)
        {
            return a + (u * (b - a));
        }

        // Triangular: F(c) = (c − a)/(b − a); invert each side of the mode.
        var width = b - a;
        return u * width < c - a
            ? a + Math.Sqrt(u * width * (c - a))
            : b - Math.Sqrt((1 - u) * width * (b - c));
    }

    private long StreamSeed(long draw) => unchecked((long)Mix(Mix((ulong)Seed) + (((ulong)draw + 1) * Gamma)));

    private double Sample(int i, long drawSeed)
    {
        var a = _low[i];
        var c = _mode[i];
        var b = _high[i];
        var stream = new SplitMix64(unchecked(Mix(Mix((ulong)drawSeed) + (((ulong)RangedLinks[i] + 1) * Gamma))));
        double x;
        if (Distribution == AmountDistribution.Pert)
        {
            var alpha = 1 + (PertLambda * (c - a) / (b - a));
            var beta = 1 + (PertLambda * (b - c) / (b - a));
            var ga = stream.NextGamma(alpha);
            var gb = stream.NextGamma(beta);
            x = a + ((b - a) * (ga / (ga + gb)));
        }
        else
        {
            x = Quantile(Distribution, a, c, b, stream.NextDouble());
        }

        return Math.Clamp(x, a, b);
    }

    /// <summary>The SplitMix64 finaliser (a bijection on 64-bit values).</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A SplitMix64 stream: output k is mix(seed + k·γ).</summary>
    private struct SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
        public double NextDouble()
        {
            _state += Gamma;
            return (Mix(_state) >> 11) * (1.0 / (1UL << 53));
        }

        /// <summary>A standard normal variate (Box–Muller, the cosine half).</summary>
        public double NextGaussian()
        {
            var u = 1.0 - NextDouble();
            var v = NextDouble();
            return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
        }

        /// <summary>A Gamma(shape, 1) variate for shape ≥ 1 (Marsaglia &amp; Tsang 2000).</summary>
        public double NextGamma(double shape)
        {
            var d = shape - (1.0 / 3.0);
            var c = 1.0 / Math.Sqrt(9 * d);
            while (true)
            {
                var x = NextGaussian();
                var v = 1 + (c * x);
                if (v <= 0)
                {
                    continue;
                }

                v = v * v * v;
                var u = NextDouble();
                var xx = x * x;
                if (u < 1 - (0.0331 * xx * xx) || Math.Log(u) < (0.5 * xx) + (d * (1 - v + Math.Log(v))))
                {
                    return d * v;
                }
            }
        }
    }
}
