namespace AiContagion.Cascades.Engines;

/// <summary>What a <see cref="RunwayPlan.Simulate"/> keeps beyond the final state.</summary>
internal enum RunwayRecording
{
    /// <summary>The final state only (summaries, sweeps, stress runs).</summary>
    None,

    /// <summary>Every entity's cash at the end of every month (a result's cash paths).</summary>
    Cash,

    /// <summary>Cash, losses month by month and each link's month down: the baseline the difference evaluator reads.</summary>
    Baseline,
}
