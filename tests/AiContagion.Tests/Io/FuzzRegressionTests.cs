using AiContagion.Fuzz;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Io;

/// <summary>
/// Every input the fuzzers (tests/AiContagion.Fuzz, AFL++ + SharpFuzz) found to crash a reader is kept under
/// Data/FuzzRegressions/&lt;target&gt;/ and replayed through the same harness: each must now be rejected with a
/// NetworkFormatException, or accepted and round-trip unchanged.
/// </summary>
[TestClass]
public sealed class FuzzRegressionTests
{
    public static IEnumerable<object[]> Inputs() =>
        Directory.GetDirectories(Repo.TestData("FuzzRegressions"))
            .SelectMany(folder => Directory.GetFiles(folder).Select(file => new object[] { Path.GetFileName(folder), Path.GetFileName(file) }))
            .OrderBy(row => (string)row[0], StringComparer.Ordinal).ThenBy(row => (string)row[1], StringComparer.Ordinal);

    [TestMethod]
    [DynamicData(nameof(Inputs))]
    public void Finding_ReplayedThroughHarness_NoUnexpectedException(string target, string file) =>
        FuzzTargets.All[target](File.ReadAllBytes(Repo.TestData("FuzzRegressions", target, file)));

    [TestMethod]
    public void SeedCorpus_EveryInput_PassesTheHarness()
    {
        foreach (var (target, run) in FuzzTargets.All)
        {
            foreach (var file in Directory.GetFiles(Repo.Path("tests", "AiContagion.Fuzz", "corpus", target)))
            {
                run(File.ReadAllBytes(file));
            }
        }
    }
}
