using AiContagion.Export;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AiContagion.DependencyInjection;

/// <summary>Registers AiContagion's services in a Microsoft.Extensions.DependencyInjection container.</summary>
/// <remarks>The core never needs a container: every service can be built with <c>new</c> from the same options.</remarks>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers, as singletons and only where not registered yet (TryAdd): <see cref="ContagionAnalyzerOptions"/>
    /// (configured and validated), <see cref="GraphvizRenderer"/> and <see cref="ContagionAnalyzer"/>.
    /// </summary>
    /// <param name="services">The collection.</param>
    /// <param name="configure">Changes the options; <see langword="null"/> keeps the defaults.</param>
    /// <returns>The same collection, for chaining.</returns>
    /// <exception cref="ArgumentException">The configured options are invalid (checked now, not at first use).</exception>
    public static IServiceCollection AddAiContagion(this IServiceCollection services, Action<ContagionAnalyzerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new ContagionAnalyzerOptions();
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(options);
        services.TryAddSingleton(provider => new GraphvizRenderer(provider.GetRequiredService<ContagionAnalyzerOptions>().Graphviz));
        services.TryAddSingleton(provider => new ContagionAnalyzer(
            provider.GetRequiredService<ContagionAnalyzerOptions>(), provider.GetRequiredService<GraphvizRenderer>()));
        return services;
    }
}
