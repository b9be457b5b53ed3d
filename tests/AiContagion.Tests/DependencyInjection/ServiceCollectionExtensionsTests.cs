using AiContagion.Cascades;
using AiContagion.DependencyInjection;
using AiContagion.Export;
using AiContagion.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AiContagion.Tests.DependencyInjection;

[TestClass]
public sealed class ServiceCollectionExtensionsTests
{
    [TestMethod]
    public void AddAiContagion_ResolvesConfiguredServices()
    {
        var services = new ServiceCollection();

        var returned = services.AddAiContagion(o => o.ModelSettings = o.ModelSettings with { Liquidity = o.ModelSettings.Liquidity with { DefaultTolerance = 0.5 } });

        Assert.AreSame(services, returned);
        using var provider = services.BuildServiceProvider();
        var analyzer = provider.GetRequiredService<ContagionAnalyzer>();
        Assert.AreSame(provider.GetRequiredService<ContagionAnalyzerOptions>(), analyzer.Options);
        Assert.AreSame(provider.GetRequiredService<GraphvizRenderer>(), analyzer.Renderer);
        Assert.AreEqual(0.5, analyzer.Options.ModelSettings.Liquidity.DefaultTolerance);
    }

    [TestMethod]
    public void AddAiContagion_Twice_KeepsTheFirstRegistration()
    {
        var services = new ServiceCollection().AddAiContagion(o => o.DefaultModel = CascadeModelKind.Chain).AddAiContagion();

        using var provider = services.BuildServiceProvider();

        Assert.AreEqual(CascadeModelKind.Chain, provider.GetRequiredService<ContagionAnalyzerOptions>().DefaultModel);
        Assert.AreEqual(1, services.Count(d => d.ServiceType == typeof(ContagionAnalyzer)));
    }

    [TestMethod]
    public void AddAiContagion_InvalidOptions_ThrowsAtRegistrationLikeWithoutContainer()
    {
        static void Bad(ContagionAnalyzerOptions o) => o.ModelSettings = o.ModelSettings with { Liquidity = o.ModelSettings.Liquidity with { DefaultTolerance = 2 } };

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ServiceCollection().AddAiContagion(Bad));
        var options = new ContagionAnalyzerOptions();
        Bad(options);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ContagionAnalyzer(options));
    }

    [TestMethod]
    public void ContagionAnalyzer_FromContainer_SameAnswersAsTheModels()
    {
        using var provider = new ServiceCollection().AddAiContagion().BuildServiceProvider();
        var analyzer = provider.GetRequiredService<ContagionAnalyzer>();
        var network = analyzer.Load(Repo.Graph("toy-chain.json"));

        var cascade = analyzer.Cascade(network, CascadeShock.Withdraw("vc-fund"));
        var ranking = analyzer.Rank(network);

        // Hand-derived in tests/AiContagion.Tests/Export/ToyChainCascade.cs: 3 failures, all 8 links down.
        Assert.AreEqual(3, cascade.EntitiesFailed);
        Assert.AreEqual(8, cascade.LinksDown);
        Assert.AreEqual("vc-fund", ranking.Entries[0].Label);
        Assert.AreEqual(8, ranking.Entries[0].LinksDown);
    }
}
