using System.Collections;
using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Reconstruction;

/// <summary>
/// The links a reconstruction estimated (with the known ones), how it converged, and the ways to use them: as a
/// matrix, as a new <see cref="FinancingNetwork"/>, or added to an existing one.
/// </summary>
/// <remarks>
/// <para>Links run payer → recipient (the way money moves); only links with a positive amount are listed, row by row
/// in the payers' order and, within a row, in the recipients' order. Estimated links enter a network with
/// <see cref="Link.Confidence"/> = <see cref="AmountConfidence.Derived"/> (and, from an ensemble,
/// <see cref="Link.Low"/> and <see cref="Link.High"/>); known links keep what they were.</para>
/// <para>Immutable and thread-safe. The links are stored compactly (no object per link until one is read).</para>
/// </remarks>
public sealed class ReconstructionResult
{
    private readonly CellTable _cells;

    internal ReconstructionResult(INetworkReconstruction method, ReconstructionProblem problem, CellTable cells, ReconstructionConvergence convergence)
    {
        Method = method.Method;
        MethodName = method.Name;
        Problem = problem;
        _cells = cells;
        Convergence = convergence;
        Links = new LinkList(this);
        double total = 0, squares = 0, largest = 0;
        for (var k = 0; k < cells.Count; k++)
        {
            var amount = cells.Amount(k);
            total += amount;
            squares += amount * amount;
            largest = Math.Max(largest, amount);
            EstimatedLinkCount += cells.Known(k) ? 0 : 1;
        }

        TotalAmount = total;
        LargestAmount = largest;
        HerfindahlIndex = total > 0 ? squares / (total * total) : 0;
    }

    /// <summary>The method that produced the links.</summary>
    public ReconstructionMethod Method { get; }

    /// <summary>The method's command-line name (<c>max-entropy</c>, <c>min-density</c>, <c>ensemble</c>).</summary>
    public string MethodName { get; }

    /// <summary>The problem solved.</summary>
    public ReconstructionProblem Problem { get; }

    /// <summary>Every link with a positive amount, known ones included, payers' order then recipients' order.</summary>
    public IReadOnlyList<EstimatedLink> Links { get; }

    /// <summary>Number of links with a positive amount (known and estimated).</summary>
    public int LinkCount => _cells.Count;

    /// <summary>Number of estimated (not known) links with a positive amount.</summary>
    public int EstimatedLinkCount { get; }

    /// <summary>Σ of the links' amounts (equal to Σ out within the tolerance).</summary>
    public double TotalAmount { get; }

    /// <summary>The largest link amount.</summary>
    public double LargestAmount { get; }

    /// <summary>
    /// How concentrated the amounts are: the Herfindahl index <c>Σ x² / (Σ x)²</c> over the links, from
    /// 1 / (number of links) (all equal) to 1 (one link). Minimum density gives higher values than maximum entropy.
    /// </summary>
    public double HerfindahlIndex { get; }

    /// <summary>Iterations, residuals and per-iteration progress.</summary>
    public ReconstructionConvergence Convergence { get; }

    /// <summary>The amount on payer → recipient (0 when the result has no such link).</summary>
    /// <param name="from">The payer's id.</param>
    /// <param name="to">The recipient's id.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentException">An id is not a payer, or not a recipient, of the problem.</exception>
    public double Amount(string from, string to)
    {
        var k = Find(from, to);
        return k >= 0 ? _cells.Amount(k) : 0;
    }

    /// <summary>The link payer → recipient, or <see langword="null"/> when its amount is 0.</summary>
    /// <param name="from">The payer's id.</param>
    /// <param name="to">The recipient's id.</param>
    /// <returns>The link.</returns>
    /// <exception cref="ArgumentException">An id is not a payer, or not a recipient, of the problem.</exception>
    public EstimatedLink? Link(string from, string to)
    {
        var k = Find(from, to);
        return k >= 0 ? Links[k] : null;
    }

    /// <summary>The amounts as a dense matrix: rows are the payers, columns the recipients, in the problem's order.</summary>
    /// <returns>A new rows × columns array.</returns>
    public double[,] ToMatrix()
    {
        var matrix = new double[Problem.Payers.Length, Problem.Recipients.Length];
        var starts = _cells.RowStart;
        for (var i = 0; i < Problem.Payers.Length; i++)
        {
            for (var k = starts[i]; k < starts[i + 1]; k++)
            {
                matrix[i, _cells.Column(k)] = _cells.Amount(k);
            }
        }

        return matrix;
    }

    /// <summary>
    /// A new network of the payers and recipients (payers first, then recipients not already listed) and the links,
    /// all of one kind. Estimated links carry <see cref="AmountConfidence.Derived"/> (and an ensemble's range).
    /// </summary>
    /// <param name="kind">The links' kind (the direction stays payer → recipient: for loans the payer is the lender).</param>
    /// <param name="sectorOf">Each entity's sector; <see langword="null"/> (or a missing id) for <see cref="Sector.Other"/>.</param>
    /// <param name="metadata">The network's metadata; <see langword="null"/> for a title naming the method.</param>
    /// <returns>The network.</returns>
    public FinancingNetwork ToNetwork(LinkKind kind, Func<string, Sector>? sectorOf = null, NetworkMetadata? metadata = null)
    {
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(metadata ?? new NetworkMetadata
        {
            Title = $"Reconstructed by {MethodName}",
            Description = string.Create(CultureInfo.InvariantCulture, $"{EstimatedLinkCount} links estimated by {MethodName} from each entity's totals; they carry confidence 'derived'."),
        });
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in Problem.Payers.Select(p => p.Id).Concat(Problem.Recipients.Select(r => r.Id)))
        {
            if (seen.Add(id))
            {
                builder.AddEntity(new Entity(id, sectorOf?.Invoke(id) ?? Sector.Other));
            }
        }

        foreach (var link in Links)
        {
            builder.AddLink(ToLink(link, kind));
        }

        return builder.Build();
    }

    /// <summary>
    /// The network with the estimated links added (known links are already in it and are not added again). Every
    /// payer and recipient must be an entity of the network.
    /// </summary>
    /// <param name="network">The network the totals came from.</param>
    /// <param name="kind">The kind of the added links.</param>
    /// <returns>A new network; <paramref name="network"/> is unchanged.</returns>
    /// <exception cref="ReconstructionInputException">A payer or recipient is not an entity of the network.</exception>
    public FinancingNetwork AddTo(FinancingNetwork network, LinkKind kind)
    {
        ArgumentNullException.ThrowIfNull(network);
        var missing = Problem.Payers.Select(p => (p.Id, "out")).Concat(Problem.Recipients.Select(r => (r.Id, "in")))
            .Where(e => !network.Contains(e.Id)).Select(e => new NetworkProblem(null, e.Id, e.Item2, "is not an entity of the network")).ToList();
        if (missing.Count > 0)
        {
            throw new ReconstructionInputException(missing);
        }

        var builder = network.ToBuilder();
        foreach (var link in Links)
        {
            if (!link.Known)
            {
                builder.AddLink(ToLink(link, kind));
            }
        }

        return builder.Build();
    }

    /// <summary>A one-line summary, e.g. <c>max-entropy: 26 links, total 20, converged in 18 iterations</c>.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{MethodName}: {LinkCount} links, total {TotalAmount:G10}, {(Convergence.Converged ? "converged" : "stopped unconverged")} in {Convergence.Iterations} iterations");

    private static Link ToLink(EstimatedLink link, LinkKind kind) => link.Known
        ? new Link(link.From, link.To, kind, link.Amount)
        : new Link(link.From, link.To, kind, link.Amount) { Confidence = AmountConfidence.Derived, Low = link.Low, High = link.High };

    private int Find(string from, string to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (!Problem.PayerIndex.TryGetValue(from, out var row))
        {
            throw new ArgumentException($"'{from}' is not a payer of the problem.", nameof(from));
        }

        if (!Problem.RecipientIndex.TryGetValue(to, out var column))
        {
            throw new ArgumentException($"'{to}' is not a recipient of the problem.", nameof(to));
        }

        return _cells.Find(row, column);
    }

    private EstimatedLink Read(int k)
    {
        var row = _cells.RowOf(k);
        var from = Problem.Payers[row].Id;
        var to = Problem.Recipients[_cells.Column(k)].Id;
        return _cells.Ranged && !_cells.Known(k)
            ? new EstimatedLink(from, to, _cells.Amount(k), false, _cells.Low(k), _cells.High(k), _cells.Probability(k))
            : new EstimatedLink(from, to, _cells.Amount(k), _cells.Known(k));
    }

    /// <summary>The links as a read-only list over the compact cells.</summary>
    private sealed class LinkList(ReconstructionResult owner) : IReadOnlyList<EstimatedLink>
    {
        public int Count => owner._cells.Count;

        public EstimatedLink this[int index] => (uint)index < (uint)Count ? owner.Read(index) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<EstimatedLink> GetEnumerator()
        {
            var starts = owner._cells.RowStart.ToArray();
            for (var i = 0; i + 1 < starts.Length; i++)
            {
                for (var k = starts[i]; k < starts[i + 1]; k++)
                {
                    var to = owner.Problem.Recipients[owner._cells.Column(k)].Id;
                    var from = owner.Problem.Payers[i].Id;
                    var cells = owner._cells;
                    yield return cells.Ranged && !cells.Known(k)
                        ? new EstimatedLink(from, to, cells.Amount(k), false, cells.Low(k), cells.High(k), cells.Probability(k))
                        : new EstimatedLink(from, to, cells.Amount(k), cells.Known(k));
                }
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
