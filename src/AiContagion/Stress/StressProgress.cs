namespace AiContagion.Stress;

/// <summary>Progress of a <see cref="StressTest"/>: trials completed out of the total.</summary>
/// <param name="Completed">Trials completed.</param>
/// <param name="Total">Trials in all.</param>
public readonly record struct StressProgress(int Completed, int Total);
