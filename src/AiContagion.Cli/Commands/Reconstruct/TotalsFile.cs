using System.Globalization;
using AiContagion.Cli.Infrastructure;
using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Reconstruction;

namespace AiContagion.Cli.Commands.Reconstruct;

/// <summary>
/// The input of <c>reconstruct</c>: a CSV file with the columns <c>id,out,in</c> (each entity's total amount on the
/// links leaving it and entering it) and optionally <c>sector</c> (default Other). Read strictly — every problem with
/// its file, line and column, nothing returned when there is one — and the reconstruction's own refusals (totals
/// that do not balance or cannot be met) are placed at the line of the entity they name.
/// </summary>
internal sealed class TotalsFile
{
    private static readonly string[] Columns = ["id", "out", "in", "sector"];
    private static readonly string[] Required = ["id", "out", "in"];

    private readonly Dictionary<string, int> _lines;
    private readonly Dictionary<string, Sector> _sectors;

    private TotalsFile(string path, List<EntityTotals> totals, Dictionary<string, int> lines, Dictionary<string, Sector> sectors)
    {
        Path = path;
        Totals = totals;
        _lines = lines;
        _sectors = sectors;
    }

    public string Path { get; }

    public IReadOnlyList<EntityTotals> Totals { get; }

    public Sector SectorOf(string id) => _sectors.TryGetValue(id, out var sector) ? sector : Sector.Other;

    /// <summary>Reads the file.</summary>
    /// <exception cref="CliUsageException">A problem in the file (all of them, located).</exception>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static TotalsFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(Directory.Exists(path) ? $"{path} is a folder; expected a totals CSV file (id,out,in)." : $"No such file: {path}", path);
        }

        var problems = new List<NetworkProblem>();
        var totals = new List<EntityTotals>();
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var sectors = new Dictionary<string, Sector>(StringComparer.Ordinal);
        using (var table = CsvTable.Open(CsvSource.FromFile(path), Columns, Required, problems))
        {
            if (table is null)
            {
                throw Refuse(path, problems);
            }

            while (table.Next(out var line))
            {
                var id = table.Text(table.Columns["id"], "id", required: true)?.Trim();
                var totalOut = Total(table, "out");
                var totalIn = Total(table, "in");
                var sector = Sector.Other;
                if (table.Text(table.Columns["sector"], "sector")?.Trim() is { Length: > 0 } text && !SectorFacts.TryParse(text, out sector))
                {
                    table.Problem("sector", $"unknown sector '{text}'; expected one of {SectorFacts.AllNames}");
                }

                table.RejectExtraColumns();
                if (string.IsNullOrEmpty(id))
                {
                    if (id is not null)
                    {
                        table.Problem("id", "missing value");
                    }

                    continue;
                }

                if (lines.TryGetValue(id, out var first))
                {
                    table.Problem("id", string.Create(CultureInfo.InvariantCulture, $"'{id}' is listed twice (first on line {first}); give each entity once"));
                    continue;
                }

                lines[id] = line;
                if (!table.RowFailed && totalOut is { } o && totalIn is { } i)
                {
                    totals.Add(new EntityTotals(id, o, i));
                    sectors[id] = sector;
                }
            }
        }

        if (problems.Count == 0 && totals.Count == 0)
        {
            problems.Add(new NetworkProblem(new SourceLocation(path, 1), null, null, "no entities: the file has a header but no rows"));
        }

        return problems.Count > 0 ? throw Refuse(path, problems) : new TotalsFile(path, totals, lines, sectors);
    }

    /// <summary>The reconstruction's refusals, placed at the line (and column) of the entity each names; a balance problem at the file.</summary>
    public CliUsageException Locate(ReconstructionInputException refusal) => Refuse(
        Path,
        [.. refusal.Problems.Select(p => p with
        {
            Location = p.Subject is { } id && _lines.TryGetValue(id, out var line) ? new SourceLocation(Path, line) : new SourceLocation(Path),
            Field = p.Subject is null && p.Field is null ? "out, in" : p.Field,
        })]);

    /// <summary>One located problem on its own line, or a headline and every problem (at most 20 listed).</summary>
    private static CliUsageException Refuse(string path, List<NetworkProblem> problems)
    {
        if (problems.Count == 1)
        {
            return new CliUsageException(problems[0].ToString());
        }

        var text = new System.Text.StringBuilder(string.Create(CultureInfo.InvariantCulture, $"the totals file {path} has {problems.Count} problems:"));
        foreach (var problem in problems.Take(20))
        {
            text.Append("\n  ").Append(problem);
        }

        if (problems.Count > 20)
        {
            text.Append(string.Create(CultureInfo.InvariantCulture, $"\n  ... and {problems.Count - 20} more"));
        }

        return new CliUsageException(text.ToString());
    }

    private static double? Total(CsvTable table, string field)
    {
        var value = table.Number(table.Columns[field], field, required: true);
        if (value < 0)
        {
            table.Problem(field, string.Create(CultureInfo.InvariantCulture, $"{value} is negative; a total is at least 0"));
            return null;
        }

        return value;
    }
}
