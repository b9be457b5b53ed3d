using AiContagion.Reconstruction;

namespace AiContagion.Tests.Reconstruction;

/// <summary>
/// Anand, Craig &amp; von Peter (2015, p. 628) worked example as NetworkRiskMeasures uses it (README and
/// tests/testthat/test_2_matrix_est.R at commit 3813414): seven banks a–g with interbank assets
/// A = (7, 5, 3, 1, 3, 0, 1) (the row sums: a loan runs lender → borrower, so a lender's assets are its total out)
/// and liabilities L = (4, 5, 5, 0, 0, 2, 4) (the column sums, total in). Total 20.
/// </summary>
internal static class SevenBanks
{
    public static readonly string[] Ids = ["a", "b", "c", "d", "e", "f", "g"];

    public static readonly double[] Assets = [7, 5, 3, 1, 3, 0, 1];

    public static readonly double[] Liabilities = [4, 5, 5, 0, 0, 2, 4];

    public static ReconstructionProblem Problem(IEnumerable<KnownAmount>? known = null, IEnumerable<EntityPair>? forbidden = null) =>
        ReconstructionProblem.FromTotals(Ids.Select((id, i) => new EntityTotals(id, Assets[i], Liabilities[i])), known, forbidden);

    /// <summary>NetworkRiskMeasures README, <c>round(ME, 2)</c> (rows are lenders, columns borrowers).</summary>
    public static readonly double[,] PublishedMaximumEntropy =
    {
        { 0.00, 2.53, 2.18, 0, 0, 0.74, 1.55 },
        { 1.72, 0.00, 1.60, 0, 0, 0.54, 1.14 },
        { 0.98, 1.06, 0.00, 0, 0, 0.31, 0.65 },
        { 0.25, 0.27, 0.23, 0, 0, 0.08, 0.17 },
        { 0.75, 0.81, 0.70, 0, 0, 0.24, 0.50 },
        { 0.00, 0.00, 0.00, 0, 0, 0.00, 0.00 },
        { 0.30, 0.32, 0.28, 0, 0, 0.09, 0.00 },
    };

    /// <summary>
    /// The converged maximum-entropy matrix, re-derived by an independent RAS to 1e-14 (research note §1.2; rounding
    /// it to 2 decimals gives the published table, no entry near a rounding boundary).
    /// </summary>
    public static readonly double[,] ConvergedMaximumEntropy =
    {
        { 0, 2.530486887319, 2.182358173182, 0, 0, 0.737924487569, 1.549230451930 },
        { 1.717589173642, 0, 1.602724035940, 0, 0, 0.541931809118, 1.137754981300 },
        { 0.980421464694, 1.060792226822, 0, 0, 0, 0.309341480613, 0.649444827871 },
        { 0.250436213909, 0.270965904559, 0.233688093557, 0, 0, 0.079017353250, 0.165892434725 },
        { 0.751308641728, 0.812897713677, 0.701064280670, 0, 0, 0.237052059751, 0.497677304175 },
        { 0, 0, 0, 0, 0, 0, 0 },
        { 0.300244506027, 0.324857267623, 0.280165416651, 0, 0, 0.094732809700, 0 },
    };

    /// <summary>NetworkRiskMeasures README: <c>set.seed(192); matrix_estimation(A, L, method = "md")</c>.</summary>
    public static readonly double[,] PublishedMinimumDensity =
    {
        { 0, 3, 0, 0, 0, 0, 4 },
        { 3, 0, 2, 0, 0, 0, 0 },
        { 0, 2, 0, 0, 0, 1, 0 },
        { 0, 0, 0, 0, 0, 1, 0 },
        { 0, 0, 3, 0, 0, 0, 0 },
        { 0, 0, 0, 0, 0, 0, 0 },
        { 1, 0, 0, 0, 0, 0, 0 },
    };

    public static int Index(string id) => Array.IndexOf(Ids, id);
}
