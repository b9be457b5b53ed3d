using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Valuation;

/// <summary>
/// The equity stakes of a network — Equity links From → To with a <see cref="Link.Share"/>: From holds that fraction
/// of To's equity — grouped by issuer, and what each holder loses when an issuer's equity is lost: share × the
/// issuer's value (its <see cref="Entity.Valuation"/>, or a book equity when it has none). This is the function a
/// cascade's credit channel calls when an issuer fails.
/// </summary>
/// <remarks>
/// <para><b>Value basis.</b> <see cref="IssuerValues(IReadOnlyList{double})"/> gives each firm's equity value: the
/// market <see cref="Entity.Valuation"/> when the data state one, else the book equity the caller passes — for instance
/// <see cref="EntityValuation.Equity"/> of an unshocked <see cref="CrossHoldingsValuation"/> run
/// (<see cref="IssuerValues(ValuationResult)"/>), or the firm's capital — else NaN (unknown: no loss can be
/// stated).</para>
/// <para>Built in O(n + m); immutable and thread-safe. A loss lookup costs O(holders of the issuer).</para>
/// </remarks>
public sealed class EquityStakes
{
    private readonly int[] _issuerStart;
    private readonly int[] _holder;
    private readonly double[] _share;
    private readonly int[] _link;

    private EquityStakes(FinancingNetwork network)
    {
        Network = network;
        var index = network.Index;
        var n = index.EntityCount;
        var shares = index.Terms.Share;
        _issuerStart = new int[n + 1];
        var count = 0;
        for (var l = 0; shares is not null && l < index.LinkCount; l++)
        {
            if (index.Kind[l] == LinkKind.Equity && !double.IsNaN(shares[l]))
            {
                _issuerStart[index.LinkTo[l] + 1]++;
                count++;
            }
        }

        for (var v = 0; v < n; v++)
        {
            _issuerStart[v + 1] += _issuerStart[v];
        }

        _holder = new int[count];
        _share = new double[count];
        _link = new int[count];
        var next = _issuerStart.AsSpan(0, n).ToArray();
        for (var l = 0; shares is not null && l < index.LinkCount; l++)
        {
            if (index.Kind[l] == LinkKind.Equity && !double.IsNaN(shares[l]))
            {
                var t = next[index.LinkTo[l]]++;
                _holder[t] = index.LinkFrom[l];
                _share[t] = shares[l];
                _link[t] = l;
            }
        }
    }

    /// <summary>The network.</summary>
    public FinancingNetwork Network { get; }

    /// <summary>Number of stakes.</summary>
    public int Count => _holder.Length;

    /// <summary>The stakes of a network, grouped by issuer: O(n + m).</summary>
    /// <param name="network">The network.</param>
    /// <returns>The stakes.</returns>
    public static EquityStakes Of(FinancingNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new EquityStakes(network);
    }

    /// <summary>The stakes held in one firm, in network order of their links.</summary>
    /// <param name="issuer">The id of the firm whose equity is held.</param>
    /// <returns>Its holders, with their shares and links.</returns>
    /// <exception cref="ArgumentException">The network has no entity <paramref name="issuer"/>.</exception>
    public IReadOnlyList<EquityStake> HeldIn(string issuer)
    {
        var k = IndexOf(issuer);
        var stakes = ImmutableArray.CreateBuilder<EquityStake>(_issuerStart[k + 1] - _issuerStart[k]);
        for (var t = _issuerStart[k]; t < _issuerStart[k + 1]; t++)
        {
            stakes.Add(new EquityStake(Network.Entities[_holder[t]].Id, issuer, _share[t], _link[t]));
        }

        return stakes.MoveToImmutable();
    }

    /// <summary>
    /// Each firm's equity value for valuing stakes in it, by network index: its <see cref="Entity.Valuation"/> when
    /// given, else <paramref name="bookEquity"/>[i] when given, else NaN.
    /// </summary>
    /// <param name="bookEquity">A book equity per entity (by network index), used where no valuation is stated; <see langword="null"/> for none.</param>
    /// <returns>A fresh array, one value per entity.</returns>
    /// <exception cref="ArgumentException"><paramref name="bookEquity"/> does not hold one value per entity.</exception>
    public double[] IssuerValues(IReadOnlyList<double>? bookEquity)
    {
        var n = Network.EntityCount;
        if (bookEquity is not null && bookEquity.Count != n)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Expected {n} book equity values (one per entity); got {bookEquity.Count}."), nameof(bookEquity));
        }

        var valuation = Network.Index.EntityTerms.Valuation;
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = !double.IsNaN(valuation[i]) ? valuation[i] : bookEquity?[i] ?? double.NaN;
        }

        return values;
    }

    /// <summary>
    /// Each firm's equity value for valuing stakes in it: its <see cref="Entity.Valuation"/> when given, else its equity
    /// in <paramref name="book"/> (a cross-holdings valuation of this network, typically without a shock).
    /// </summary>
    /// <param name="book">The valuation giving the book equities.</param>
    /// <returns>A fresh array, one value per entity, by network index.</returns>
    /// <exception cref="ArgumentException"><paramref name="book"/> values another network.</exception>
    public double[] IssuerValues(ValuationResult book)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (!ReferenceEquals(book.Network, Network))
        {
            throw new ArgumentException("The valuation is of another network.", nameof(book));
        }

        var owed = book.Model.Engine.Owed;
        var equity = new double[Network.EntityCount];
        for (var i = 0; i < equity.Length; i++)
        {
            equity[i] = Math.Max(0, book.Values[i] - owed[i]);
        }

        return IssuerValues(equity);
    }

    /// <summary>What each holder of a firm loses when the firm's equity is lost: share × the firm's value.</summary>
    /// <param name="issuer">The firm that fails.</param>
    /// <param name="issuerValues">Every firm's equity value, by network index (<see cref="IssuerValues(IReadOnlyList{double})"/>).</param>
    /// <returns>One loss per stake in the firm, in network order of the links (NaN when its value is unknown).</returns>
    /// <exception cref="ArgumentException">The network has no entity <paramref name="issuer"/>, or <paramref name="issuerValues"/> does not hold one value per entity.</exception>
    public IReadOnlyList<StakeLoss> LossesOnFailure(string issuer, IReadOnlyList<double> issuerValues)
    {
        ArgumentNullException.ThrowIfNull(issuerValues);
        var k = IndexOf(issuer);
        if (issuerValues.Count != Network.EntityCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Expected {Network.EntityCount} issuer values (one per entity); got {issuerValues.Count}."), nameof(issuerValues));
        }

        var losses = ImmutableArray.CreateBuilder<StakeLoss>(_issuerStart[k + 1] - _issuerStart[k]);
        for (var t = _issuerStart[k]; t < _issuerStart[k + 1]; t++)
        {
            losses.Add(new StakeLoss(Network.Entities[_holder[t]].Id, _link[t], _share[t] * issuerValues[k]));
        }

        return losses.MoveToImmutable();
    }

    /// <summary>
    /// The engines' form of <see cref="LossesOnFailure"/>: adds share × <paramref name="issuerValue"/> to
    /// <paramref name="holderLoss"/>[holder] for every stake in <paramref name="issuer"/> (by index); no allocation.
    /// </summary>
    internal void AddLossesOnFailure(int issuer, double issuerValue, Span<double> holderLoss)
    {
        for (var t = _issuerStart[issuer]; t < _issuerStart[issuer + 1]; t++)
        {
            holderLoss[_holder[t]] += _share[t] * issuerValue;
        }
    }

    private int IndexOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var index = Network.IndexOf(id);
        return index >= 0 ? index : throw new ArgumentException($"The network has no entity '{id}'.", nameof(id));
    }
}
