using System.CommandLine;

namespace AiContagion.Cli.Infrastructure;

/// <summary>
/// A repeatable option of <c>NAME=share</c> items (comma-separated or repeated), shares in [0, 1] — or in (0, 1] —
/// checked while parsing. With a default share, a bare <c>NAME</c> takes it (<c>--withdraw vc-fund</c> = all of it).
/// </summary>
internal sealed class NamedSharesOption : Option<NamedShare[]>
{
    /// <param name="name">The option's name.</param>
    /// <param name="helpName">The value's name in the help, e.g. <c>ID[=share]</c>.</param>
    /// <param name="description">Its help text.</param>
    /// <param name="defaultShare">The share of a bare <c>NAME</c>; <see langword="null"/>: a share is required.</param>
    /// <param name="allowZero">Whether a share of 0 is allowed.</param>
    /// <param name="checkName">Checks a name while parsing (option as typed, name); throws <see cref="CliUsageException"/>.</param>
    /// <param name="aliases">Other names.</param>
    public NamedSharesOption(string name, string helpName, string description, double? defaultShare = null, bool allowZero = true, Action<string, string>? checkName = null, params string[] aliases)
        : base(name, aliases)
    {
        Description = description;
        HelpName = helpName;
        CustomParser = result => OptionParsing.Parse(result, (option, tokens) =>
        {
            var items = OptionValues.Assignments(option, OptionValues.Parts(tokens), defaultShare, allowZero).Select(a => new NamedShare(a.Name, a.Value)).ToArray();
            foreach (var item in items)
            {
                checkName?.Invoke(option, item.Name);
            }

            return items;
        });
    }

    /// <summary>The items given (none when the option is absent).</summary>
    public IReadOnlyList<NamedShare> Items(ParseResult parse) => parse.GetValue(this) ?? [];
}
