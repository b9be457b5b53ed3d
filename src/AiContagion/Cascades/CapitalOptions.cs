namespace AiContagion.Cascades;

/// <summary>
/// How solvency models (credit loss, chain, Gai–Kapadia, DebtRank) find an entity's capital: its <c>capital</c>
/// figure; else, if <see cref="DeriveFromBalanceSheet"/> and its external assets are known, its balance-sheet net
/// worth; else <see cref="Default"/>.
/// </summary>
/// <remarks>
/// <para><b>Balance-sheet net worth</b> reads links by docs/concepts.md#links: assets = external assets + the claim links
/// the entity funded (links out of it of claim kinds: loans made, stakes held) + the commercial links into it
/// (receivables: its customers owe it); liabilities = external liabilities (0 when unknown) + the debt links into
/// it (it borrowed) + the commercial links out of it (payables). Net worth = assets − liabilities, possibly
/// negative: an entity that starts with negative net worth is insolvent and fails in round 1 of every run.</para>
/// <para><b>Default</b> is +∞: an entity with no capital figure and no external-asset figure never fails by
/// losses (no failure is invented from missing data). Give a finite number to apply it instead.</para>
/// </remarks>
public sealed record CapitalOptions
{
    /// <summary>Whether to derive capital from the balance sheet when no capital figure is given. Default <see langword="true"/>.</summary>
    public bool DeriveFromBalanceSheet { get; init; } = true;

    /// <summary>The capital of an entity with neither a capital figure nor a derivable balance sheet. Default +∞ (immune to losses). Must not be NaN.</summary>
    public double Default { get; init; } = double.PositiveInfinity;

    internal void Validate()
    {
        if (double.IsNaN(Default))
        {
            throw new ArgumentOutOfRangeException(nameof(Default), Default, "The default capital must be a number (use +∞ for 'never fails by losses').");
        }
    }
}
