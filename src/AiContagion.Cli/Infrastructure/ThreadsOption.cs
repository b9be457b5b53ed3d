using System.CommandLine;

namespace AiContagion.Cli.Infrastructure;

/// <summary><c>--threads N</c>: the most runs at once (default one per processor); results never depend on it.</summary>
internal sealed class ThreadsOption : Option<int?>
{
    public ThreadsOption(string what)
        : base("--threads")
    {
        Description = $"Most {what} at once (default: one per processor). The output does not depend on it.";
        HelpName = "N";
        CustomParser = result => OptionParsing.ParseOne(result, (name, text) => (int)OptionValues.Integer(name, text, 1, int.MaxValue));
    }

    /// <summary>The library's <c>MaxDegreeOfParallelism</c>: N, or −1 (one worker per processor).</summary>
    public int MaxDegreeOfParallelism(ParseResult parse) => parse.GetValue(this) ?? -1;
}
