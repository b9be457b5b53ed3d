using AiContagion.Cascades;
using AiContagion.Model;

namespace AiContagion.Tests.Cascades;

/// <summary>Runs of the runway model read through its runway view (<see cref="CascadeResult.Runway"/>), as the tests of the former RunwaySimulation did.</summary>
internal static class RunwayRuns
{
    public static RunwayResult Run(RunwayOptions options, FinancingNetwork network, IEnumerable<string> withdrawn, CancellationToken cancellationToken = default) =>
        new RunwayCascade(options).Run(network, CascadeShock.Withdraw(withdrawn), cancellationToken).Runway!;

    public static RunwayResult Run(RunwayOptions options, FinancingNetwork network, IEnumerable<Withdrawal> withdrawals, CancellationToken cancellationToken = default) =>
        new RunwayCascade(options).Run(network, new CascadeShock { Withdrawals = [.. withdrawals] }, cancellationToken).Runway!;
}
