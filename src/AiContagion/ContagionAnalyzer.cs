using AiContagion.Cascades;
using AiContagion.Export;
using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Ranking;

namespace AiContagion;

/// <summary>
/// The small facade for the common questions — load a network, run a cascade, rank the funding sources, draw
/// the answer — with the models, ranking and diagram settings of one <see cref="ContagionAnalyzerOptions"/>. Every
/// call delegates to the model families (<see cref="CascadeModels"/>, <see cref="WithdrawalRanking"/>,
/// <see cref="DiagramFile"/>), which remain available for finer control.
/// </summary>
/// <remarks>Immutable after construction and thread-safe; prepared models are cached per network and kind.</remarks>
public sealed class ContagionAnalyzer
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<FinancingNetwork, PreparedCascade?[]> _prepared = [];

    /// <summary>Creates an analyzer with default options.</summary>
    public ContagionAnalyzer()
        : this(new ContagionAnalyzerOptions())
    {
    }

    /// <summary>Creates an analyzer.</summary>
    /// <param name="options">The settings; validated now.</param>
    /// <param name="renderer">The Graphviz renderer (default: one built from <paramref name="options"/>).</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public ContagionAnalyzer(ContagionAnalyzerOptions options, GraphvizRenderer? renderer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        Renderer = renderer ?? new GraphvizRenderer(options.Graphviz);
    }

    /// <summary>The settings.</summary>
    public ContagionAnalyzerOptions Options { get; }

    /// <summary>The Graphviz renderer diagrams use.</summary>
    public GraphvizRenderer Renderer { get; }

    /// <summary>Loads a network (<c>.json</c>, <c>.graphml</c> or a CSV folder); see <see cref="FinancingNetworkFile.Load"/>.</summary>
    /// <param name="path">The file or folder.</param>
    /// <returns>The network.</returns>
    /// <exception cref="NetworkFormatException">The input is not a valid network.</exception>
#pragma warning disable CA1822 // An instance member on purpose: the facade reads the same when resolved from a container.
    public FinancingNetwork Load(string path) => FinancingNetworkFile.Load(path);
#pragma warning restore CA1822

    /// <summary>Runs a cascade model (default: <see cref="ContagionAnalyzerOptions.DefaultModel"/>) on a shock.</summary>
    /// <param name="network">The network.</param>
    /// <param name="shock">The shock (e.g. <see cref="CascadeShock.Withdraw(IEnumerable{string})"/>).</param>
    /// <param name="model">The model, or <see langword="null"/> for the default.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The cascade.</returns>
    public CascadeResult Cascade(FinancingNetwork network, CascadeShock shock, CascadeModelKind? model = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(shock);
        return Prepared(network, model ?? Options.DefaultModel).Run(shock, cancellationToken);
    }

    /// <summary>
    /// Ranks the candidates (by default every funding source) by the links their withdrawal brings down, then
    /// amount down, then entities failed.
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="model">The model, or <see langword="null"/> for the default.</param>
    /// <param name="options">Ranking options, or <see langword="null"/> for <see cref="ContagionAnalyzerOptions.Ranking"/>.</param>
    /// <param name="progress">Receives progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the ranking.</param>
    /// <returns>The ranking.</returns>
    public RankingResult Rank(
        FinancingNetwork network, CascadeModelKind? model = null, WithdrawalRankingOptions? options = null,
        IProgress<RankingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        var ranking = new WithdrawalRanking(CascadeModels.Create(model ?? Options.DefaultModel, Options.ModelSettings), options ?? Options.Ranking);
        return ranking.Rank(network, progress, cancellationToken);
    }

    /// <summary>
    /// Draws a network to a file (<c>.dot</c>, <c>.svg</c>, <c>.png</c> or <c>.graphml</c>) with the default
    /// diagram options and the given overlays.
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="path">The target file.</param>
    /// <param name="overlays">Overlays to draw (e.g. <c>new DiagramOverlays { Cascade = ModelOverlays.Cascade(result) }</c>), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels rendering.</param>
    /// <returns>What was written.</returns>
    public DiagramSaveResult Draw(FinancingNetwork network, string path, DiagramOverlays? overlays = null, CancellationToken cancellationToken = default)
    {
        var options = overlays is null ? Options.Diagrams : Options.Diagrams with { Overlays = overlays };
        return DiagramFile.Save(network, path, options, Renderer, cancellationToken);
    }

    private PreparedCascade Prepared(FinancingNetwork network, CascadeModelKind kind)
    {
        var cache = _prepared.GetValue(network, _ => new PreparedCascade?[CascadeModels.All.Count]);
        var slot = (int)kind;
        return Volatile.Read(ref cache[slot]) ?? Interlocked.CompareExchange(ref cache[slot], CascadeModels.Create(kind, Options.ModelSettings).Prepare(network), null)
            ?? cache[slot]!;
    }
}
