using System.Text.Json;
using AiContagion.Model;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Centrality;

/// <summary>
/// The seeded random graphs and the values NetworkX 2.8 / igraph 0.10 computed for them, read from
/// Data/Structure/peer-expected.json — written by tests/peers/structure_expected.py (run it with /usr/bin/python3
/// to regenerate). Entity n&lt;i&gt; is node i of the peer graph; link [u, v, a] moves a from n&lt;u&gt; to n&lt;v&gt;.
/// </summary>
internal static class PeerCases
{
    private static readonly Lazy<IReadOnlyList<PeerCase>> All = new(Load);

    public static IReadOnlyList<PeerCase> Cases => All.Value;

    public static IEnumerable<object[]> Names => Cases.Select(c => new object[] { c.Name });

    public static PeerCase Get(string name) => Cases.Single(c => c.Name == name);

    private static List<PeerCase> Load()
    {
        using var stream = File.OpenRead(Repo.TestData("Structure", "peer-expected.json"));
        using var document = JsonDocument.Parse(stream);
        var cases = new List<PeerCase>();
        foreach (var element in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            cases.Add(new PeerCase(element.Clone()));
        }

        return cases;
    }
}

internal sealed class PeerCase
{
    public PeerCase(JsonElement json)
    {
        Json = json;
        Name = json.GetProperty("name").GetString()!;
        var n = json.GetProperty("entities").GetInt32();
        var funding = json.GetProperty("fundingSources").EnumerateArray().Select(e => e.GetInt32()).ToHashSet();
        var revenue = json.GetProperty("revenue").EnumerateObject().ToDictionary(p => int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture), p => p.Value.GetDouble());
        var builder = FinancingNetwork.CreateBuilder();
        for (var v = 0; v < n; v++)
        {
            builder.AddEntity(new Entity(Id(v), Sector.Other)
            {
                FundingSource = funding.Contains(v),
                Revenue = revenue.TryGetValue(v, out var r) ? r : null,
            });
        }

        foreach (var link in json.GetProperty("links").EnumerateArray())
        {
            builder.AddLink(new Link(Id(link[0].GetInt32()), Id(link[1].GetInt32()), LinkKind.Loan, link[2].GetDouble()));
        }

        Network = builder.Build();
    }

    public string Name { get; }

    public JsonElement Json { get; }

    public FinancingNetwork Network { get; }

    public static string Id(int node) => "n" + node.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public double[] Vector(params string[] path) => Element(path).EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public JsonElement Element(params string[] path)
    {
        var element = Json;
        foreach (var part in path)
        {
            element = element.GetProperty(part);
        }

        return element;
    }

    public IReadOnlyDictionary<string, double> Map(params string[] path) =>
        Element(path).EnumerateObject().ToDictionary(p => Id(int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture)), p => p.Value.GetDouble());

    public override string ToString() => Name;
}

/// <summary>Assertions on score vectors.</summary>
internal static class Scores
{
    public static void AreClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance, string what)
    {
        Assert.HasCount(expected.Count, actual);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.AreEqual(expected[i], actual[i], tolerance, $"{what}: entity {i}");
        }
    }
}
