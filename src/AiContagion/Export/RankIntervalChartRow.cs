namespace AiContagion.Export;

/// <summary>
/// One row of a rank-interval chart (<see cref="Chart.RankIntervals"/>): a candidate source, the interval its rank
/// falls in over the draws of the uncertain amounts, its rank with the amounts as stated, and its chance of ranking first.
/// </summary>
/// <param name="Label">The row's label (usually the source's id).</param>
/// <param name="RankLow">The low end of the rank interval (the 5 % quantile; 1 = first); at least 1.</param>
/// <param name="RankHigh">The high end of the rank interval (the 95 % quantile); at least <paramref name="RankLow"/>.</param>
/// <param name="NominalRank">The rank with the amounts as stated, drawn as a marker; <see langword="null"/> for none.</param>
/// <param name="PFirst">The probability of ranking first, in [0, 1], written beside the interval.</param>
public sealed record RankIntervalChartRow(string Label, int RankLow, int RankHigh, int? NominalRank, double PFirst);
