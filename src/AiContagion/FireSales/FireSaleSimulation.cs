using AiContagion.Model;

namespace AiContagion.FireSales;

/// <summary>
/// The entry point of the fire-sale family: <see cref="Prepare"/> a network once and run many shocks, or
/// <see cref="Run"/> one. See <see cref="PreparedFireSale"/> for the model and <see cref="FireSaleDynamics"/> for the four
/// dynamics; the <c>fire-sale</c> cascade model (<c>AiContagion.Cascades.FireSaleCascade</c>) runs the same engine for
/// rankings and stress runs.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class FireSaleSimulation
{
    /// <summary>Prepares a network's balance sheets and holdings for fire-sale runs.</summary>
    /// <param name="network">The network (with a holdings layer; without one nothing is ever sold).</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>The prepared model.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">An asset shock of the options names no asset of the network.</exception>
    public static PreparedFireSale Prepare(FinancingNetwork network, FireSaleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= new FireSaleOptions();
        options.Validate();
        return new PreparedFireSale(network, options);
    }

    /// <summary>Runs one fire sale.</summary>
    /// <param name="network">The network.</param>
    /// <param name="shock">The shock.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the run between rounds.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">An unknown id or a fraction out of range.</exception>
    public static FireSaleResult Run(FinancingNetwork network, FireSaleShock shock, FireSaleOptions? options = null, CancellationToken cancellationToken = default) =>
        Prepare(network, options).Run(shock, cancellationToken);
}
