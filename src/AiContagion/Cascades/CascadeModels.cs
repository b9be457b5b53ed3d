namespace AiContagion.Cascades;

/// <summary>Makes models by kind and maps kinds to and from their command-line names.</summary>
/// <remarks>
/// Names: <c>funding</c>, <c>credit</c>, <c>chain</c>, <c>eisenberg-noe</c>, <c>rogers-veraart</c>, <c>debtrank</c>,
/// <c>debtrank-linear</c>, <c>gai-kapadia</c>, <c>fire-sale</c>, <c>debtrank-nonlinear</c>. Thread-safe.
/// </remarks>
public static class CascadeModels
{
    private static readonly (CascadeModelKind Kind, string Name)[] Names =
    [
        (CascadeModelKind.Funding, "funding"),
        (CascadeModelKind.Credit, "credit"),
        (CascadeModelKind.Chain, "chain"),
        (CascadeModelKind.EisenbergNoe, "eisenberg-noe"),
        (CascadeModelKind.RogersVeraart, "rogers-veraart"),
        (CascadeModelKind.DebtRank, "debtrank"),
        (CascadeModelKind.DebtRankLinear, "debtrank-linear"),
        (CascadeModelKind.GaiKapadia, "gai-kapadia"),
        (CascadeModelKind.FireSale, "fire-sale"),
        (CascadeModelKind.DebtRankNonLinear, "debtrank-nonlinear"),
    ];

    /// <summary>Every model kind, in declaration order.</summary>
    public static IReadOnlyList<CascadeModelKind> All { get; } = Enum.GetValues<CascadeModelKind>();

    /// <summary>Every command-line name, comma-separated, for messages.</summary>
    public static string AllNames => string.Join(", ", Names.Select(n => n.Name));

    /// <summary>Makes a model.</summary>
    /// <param name="kind">Which model.</param>
    /// <param name="settings">The options; <see langword="null"/> for every default.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Unknown kind, or an option out of range.</exception>
    public static ICascadeModel Create(CascadeModelKind kind, CascadeModelSettings? settings = null)
    {
        settings ??= new CascadeModelSettings();
        return kind switch
        {
            CascadeModelKind.Funding => new FundingWithdrawalCascade(settings.Liquidity),
            CascadeModelKind.Credit => new CreditLossCascade(settings.Solvency),
            CascadeModelKind.Chain => new ChainCascade(settings.Liquidity, settings.Solvency),
            CascadeModelKind.EisenbergNoe => new EisenbergNoeClearing(settings.Clearing),
            CascadeModelKind.RogersVeraart => new RogersVeraartClearing(settings.RogersVeraart),
            CascadeModelKind.DebtRank => new SingleHitDebtRank(settings.DebtRank),
            CascadeModelKind.DebtRankLinear => new LinearDebtRank(settings.DebtRank),
            CascadeModelKind.GaiKapadia => new GaiKapadiaCascade(settings.GaiKapadia),
            CascadeModelKind.FireSale => new FireSaleCascade(settings.FireSale),
            CascadeModelKind.DebtRankNonLinear => new NonLinearDebtRank(settings.DebtRank),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown cascade model."),
        };
    }

    /// <summary>The command-line name of a kind (<c>eisenberg-noe</c>).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Unknown kind.</exception>
    public static string CommandName(CascadeModelKind kind)
    {
        foreach (var (k, name) in Names)
        {
            if (k == kind)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown cascade model.");
    }

    /// <summary>
    /// Parses a model name: the command-line name or the enum name, ignoring case, hyphens, underscores and spaces
    /// (<c>eisenberg-noe</c>, <c>EisenbergNoe</c>, <c>en</c> is not accepted).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="kind">The kind, when the result is <see langword="true"/>.</param>
    /// <returns>Whether the text names a model.</returns>
    public static bool TryParse(string? text, out CascadeModelKind kind)
    {
        kind = default;
        if (text is null)
        {
            return false;
        }

        var key = Normalize(text);
        foreach (var (k, name) in Names)
        {
            if (key == Normalize(name) || key == Normalize(k.ToString()))
            {
                kind = k;
                return true;
            }
        }

        return false;
    }

    private static string Normalize(string text) =>
        new([.. text.Where(c => c is not ('-' or '_' or ' ')).Select(char.ToLowerInvariant)]);
}
