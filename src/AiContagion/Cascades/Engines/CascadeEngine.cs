using System.Collections.Concurrent;
using System.Collections.Immutable;
using AiContagion.Model;

namespace AiContagion.Cascades.Engines;

/// <summary>
/// The base of every engine: a <see cref="PreparedCascade"/> that builds its <see cref="CascadeResult"/> from the run's
/// failures and link ledger. Engines are internal: a model (one public class in <c>AiContagion.Cascades</c>) chooses
/// an engine and its options in <c>PrepareCore</c>; docs/architecture.md maps the models to their engines.
/// </summary>
internal abstract class CascadeEngine : PreparedCascade
{
    private protected CascadeEngine(ICascadeModel model, FinancingNetwork network, ImmutableSortedDictionary<string, string> settings)
        : base(model, network, settings)
    {
    }

    /// <summary>Builds the result of a run.</summary>
    private protected CascadeResult Result(ResolvedShock shock, int rounds, int iterations, List<int> failedOrder, int[] failedRound, LinkLedger ledger, EntityFigures figures, (double DebtRank, double InitialStress)? debtRank = null)
    {
        var order = failedOrder.ToArray();
        var rounds2 = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            rounds2[i] = failedRound[order[i]];
        }

        return new CascadeResult(Network, Model, Settings, rounds, iterations, shock.Shocked, order, rounds2, ledger.TakeSnapshot(), figures)
        {
            DebtRank = debtRank?.DebtRank,
            InitialStress = debtRank?.InitialStress,
        };
    }

    /// <summary>A small pool of per-thread work objects.</summary>
    private protected sealed class Pool<T>(Func<T> create)
        where T : class
    {
        private readonly ConcurrentBag<T> _items = [];

        public T Rent() => _items.TryTake(out var item) ? item : create();

        public void Return(T item) => _items.Add(item);
    }
}
