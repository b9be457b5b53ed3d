using System.Text;
using AiContagion.Io;
using AiContagion.Model;
using CsCheck;

namespace AiContagion.Tests.Io;

/// <summary>
/// The links file read in pieces at the same time (<see cref="CsvChunks"/>, the native tool's load of 10⁶ links) gives
/// what one sequential read gives: the same network, or the same problems with the same files, lines and fields, in
/// the same order. Random folders with good and bad rows (unknown and empty ids, bad kinds and numbers, wrong field
/// counts, blank lines, extra columns, CRLF line ends, quotes that force the sequential read), split 2–5 ways; the plan
/// itself is checked with scan blocks as small as 8 bytes so that every boundary case of the streaming scan is hit.
/// Also: <c>validate</c>'s check without building reports what building reports.
/// </summary>
[TestClass]
public sealed class CsvPiecesTests
{
    private static readonly string[] Kinds = ["Equity", "Loan", "Revenue", "Services", "Compute", "loan", "Bogus", ""];

    // One links row: mostly good, sometimes each kind of problem.
    private static readonly Gen<string> LinkRow = Gen.Select(Gen.Int[0, 30], Gen.Int[0, 30], Gen.Int[0, Kinds.Length - 1], Gen.Int[0, 19], Gen.Double[0, 100])
        .Select((from, to, kind, variant, amount) => variant switch
        {
            0 => "",                                                       // blank line
            1 => $"e{from},e{to},{Kinds[kind]}",                          // a field missing
            2 => $"e{from},,{Kinds[kind]},1",                              // empty endpoint
            3 => $"e{from},e{to},Loan,abc",                                // not a number
            4 => $"e{from},e{to},Loan,-2",                                 // negative
            5 => $"x{from},e{to},Loan,1",                                  // unknown entity
            6 => $"e{from},e{from},Loan,1",                                // self-link
            _ => $"e{from},e{to},{Kinds[kind]},{amount.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}",
        });

    private static readonly Gen<string> EntitiesFile = Gen.Int[1, 25].Select(n =>
        "id,sector,cash\n" + string.Concat(Enumerable.Range(0, n).Select(i => $"e{i},{(i % 3 == 0 ? "Bank" : "Neocloud")},{i * 1.5}\n")));

    [TestMethod]
    public void Reading_links_in_pieces_gives_the_sequential_read()
    {
        Gen.Select(EntitiesFile, LinkRow.Array[0, 60], Gen.Int[0, 3], Gen.Int[2, 5]).Sample((entities, rows, style, parts) =>
        {
            var header = style == 3 ? "from,to,kind,amount,note" : "from,to,kind,amount";
            var lines = style == 3 ? rows.Select((r, i) => r.Length == 0 ? r : r + (i % 2 == 0 ? ",n" : ",")) : rows;
            var newline = style == 1 ? "\r\n" : "\n";
            var links = header + newline + string.Join(newline, lines) + (style == 2 ? string.Empty : newline);
            AssertSameRead(entities, links, parts);
        }, iter: 300);
    }

    [TestMethod]
    public void Quotes_and_lone_carriage_returns_fall_back_to_the_sequential_read()
    {
        const string entities = "id,sector\na,Bank\nb,Neocloud\n";
        AssertSameRead(entities, "from,to,kind,amount\na,b,Loan,1\n\"a\",\"b\",Loan,2\na,b,\"Lo\nan\",3\na,b,Loan,4\n", 3);
        AssertSameRead(entities, "from,to,kind,amount\na,b,Loan,1\ra,b,Loan,x\na,b,Loan,4\n", 3);
        Assert.IsFalse(PlanOf("from,to,kind,amount\na,b,Loan,1\n\"a\",b,Loan,2\n", 2, out _));
        Assert.IsFalse(PlanOf("from,to,kind,amount\na,b,Loan,1\ra,b,Loan,2\n", 2, out _));
        Assert.IsFalse(PlanOf("from,to,kind,amount\na,b,Loan,1\r", 2, out _));
        Assert.IsTrue(PlanOf("from,to,kind,amount\r\na,b,Loan,1\r\na,b,Loan,2\r\n", 2, out _));
    }

    [TestMethod]
    public void A_plan_covers_the_file_in_order_and_counts_the_lines_before_each_piece()
    {
        var text = Gen.Char["ab,\né"].Array[1, 200].Select(chars => "h,h\n" + new string(chars));
        Gen.Select(text, Gen.Int[2, 6], Gen.Int[8, 40]).Sample((csv, parts, block) =>
        {
            var path = TempFile(csv);
            try
            {
                var bytes = File.ReadAllBytes(path);
                if (!CsvChunks.TryPlan(path, parts, 0, out var pieces, block))
                {
                    return;
                }

                Assert.IsTrue(pieces.Length >= 2 && pieces.Length <= parts);
                var start = 0L;
                foreach (var piece in pieces)
                {
                    Assert.AreEqual(start, piece.Start);
                    Assert.IsTrue(piece.Length > 0);
                    var span = bytes.AsSpan((int)piece.Start, (int)piece.Length);
                    Assert.AreEqual(bytes.AsSpan(0, (int)piece.Start).Count((byte)'\n'), piece.LineOffset);
                    Assert.AreEqual(span.Count((byte)'\n'), piece.LineBreaks);
                    if (piece.Start > 0)
                    {
                        Assert.AreEqual((byte)'\n', bytes[piece.Start - 1], "a piece starts after a line break");
                    }

                    using var stream = CsvChunks.Open(path, piece);
                    using var copy = new MemoryStream();
                    stream.CopyTo(copy);
                    CollectionAssert.AreEqual(span.ToArray(), copy.ToArray());
                    start += piece.Length;
                }

                Assert.AreEqual(bytes.Length, start);
            }
            finally
            {
                File.Delete(path);
            }
        }, iter: 300);
    }

    [TestMethod]
    public void Checking_without_building_reports_what_building_reports()
    {
        var dir = Directory.CreateTempSubdirectory("aicontagion-check-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "entities.csv"), "id,sector\na,Bank\nb,Neocloud\nc,Neocloud\n");
            File.WriteAllText(Path.Combine(dir.FullName, "links.csv"), "from,to,kind,amount\na,b,Loan,1\nb,c,Equity,2\n");
            Assert.AreEqual((3, 2), FinancingNetworkFile.Check(dir.FullName));
            File.WriteAllText(Path.Combine(dir.FullName, "links.csv"), "from,to,kind,amount\na,b,Loan,1\nb,z,Equity,2\na,a,Loan,-1\n");
            var built = Assert.ThrowsExactly<NetworkFormatException>(() => FinancingNetworkFile.Load(dir.FullName));
            var checkedOnly = Assert.ThrowsExactly<NetworkFormatException>(() => FinancingNetworkFile.Check(dir.FullName));
            CollectionAssert.AreEqual(built.Problems.Select(p => p.ToString()).ToList(), checkedOnly.Problems.Select(p => p.ToString()).ToList());
            Assert.AreEqual(3, checkedOnly.Problems.Length); // unknown 'z' (line 3), self-link and negative amount (line 4)
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static void AssertSameRead(string entities, string links, int parts)
    {
        var dir = Directory.CreateTempSubdirectory("aicontagion-pieces-");
        try
        {
            var entitiesPath = Path.Combine(dir.FullName, "entities.csv");
            var linksPath = Path.Combine(dir.FullName, "links.csv");
            File.WriteAllText(entitiesPath, entities);
            File.WriteAllText(linksPath, links);
            var sequential = Outcome(() => CsvNetworkReader.ReadInPieces(CsvSource.FromFile(entitiesPath), CsvSource.FromFile(linksPath), 1));
            var inPieces = Outcome(() => CsvNetworkReader.ReadInPieces(CsvSource.FromFile(entitiesPath), CsvSource.FromFile(linksPath), parts));
            Assert.AreEqual(sequential, inPieces, links);
            var original = Outcome(() => CsvNetworkReader.Read(CsvSource.FromText(entitiesPath, entities), CsvSource.FromText(linksPath, links)));
            Assert.AreEqual(original, sequential, links);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    // Everything a reader's caller can see: every link with its fields, or every problem with its place.
    private static string Outcome(Func<FinancingNetwork> read)
    {
        try
        {
            var network = read();
            var text = new StringBuilder();
            foreach (var link in network.Links)
            {
                text.Append(link).Append(" note=").Append(link.Note).Append(" attributes=").AppendJoin(';', link.Attributes).Append('\n');
            }

            return $"{network.EntityCount} entities, {network.LinkCount} links\n{text}";
        }
        catch (NetworkFormatException error)
        {
            return string.Join("\n", error.Problems.Select(p => p.ToString()));
        }
    }

    private static bool PlanOf(string csv, int parts, out CsvChunks.Piece[] pieces)
    {
        var path = TempFile(csv);
        try
        {
            return CsvChunks.TryPlan(path, parts, 0, out pieces, 8);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string TempFile(string text)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}
