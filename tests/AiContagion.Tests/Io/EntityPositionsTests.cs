using AiContagion.Io;
using CsCheck;

namespace AiContagion.Tests.Io;

/// <summary>
/// The CSV reader's id table (open addressing, short ids held in the slot) answers every lookup as a dictionary of
/// the first position of each id does: ids around the 8-character inline limit, ids that differ only in a trailing
/// NUL or in length, non-ASCII, absent ids, and growth far past the initial capacity.
/// </summary>
[TestClass]
public sealed class EntityPositionsTests
{
    // Few letters and short lengths: many near-duplicates, prefixes and equal lengths; "\0" tests the zero padding.
    private static readonly Gen<string> Id = Gen.Char["ab\0é中"].Array[0, EntityPositions.InlineChars + 3].Select(chars => new string(chars));

    [TestMethod]
    public void Lookups_agree_with_a_dictionary_of_first_positions()
    {
        Gen.Select(Id.Array[0, 300], Id.Array[0, 50]).Sample((added, probes) =>
        {
            var table = new EntityPositions();
            var expected = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < added.Length; i++)
            {
                table.Add(added[i], i);
                expected.TryAdd(added[i], i);
            }

            Assert.AreEqual(expected.Count, table.Count);
            foreach (var id in added.Concat(probes))
            {
                var isThere = table.TryFind(id.AsSpan(), out var found, out var position);
                Assert.AreEqual(expected.TryGetValue(id, out var first), isThere, id);
                Assert.AreEqual(isThere ? first : -1, position, id);
                if (isThere)
                {
                    // The very string added first, so that links share their endpoints' strings.
                    Assert.AreSame(added[first], found);
                }
            }

            // Two at a time (a link's endpoints) answers as one at a time.
            var all = added.Concat(probes).ToArray();
            for (var k = 0; k + 1 < all.Length; k++)
            {
                table.FindPair(all[k], all[k + 1], out var foundA, out var positionA, out var foundB, out var positionB);
                table.TryFind(all[k], out var oneA, out var onePositionA);
                table.TryFind(all[k + 1], out var oneB, out var onePositionB);
                Assert.AreSame(oneA, foundA);
                Assert.AreEqual(onePositionA, positionA);
                Assert.AreSame(oneB, foundB);
                Assert.AreEqual(onePositionB, positionB);
            }
        });
    }

    [TestMethod]
    public void Ids_that_differ_only_after_the_inline_limit_or_by_padding_are_told_apart()
    {
        var table = new EntityPositions();
        string[] ids = ["", "\0", "a", "a\0", "abcdefgh", "abcdefgh\0", "abcdefghi", "abcdefghj", "abcdefgh" + "abcdefgh", "中"];
        for (var i = 0; i < ids.Length; i++)
        {
            table.Add(ids[i], i * 10);
        }

        for (var i = 0; i < ids.Length; i++)
        {
            Assert.IsTrue(table.TryFind(ids[i], out var found, out var position), ids[i]);
            Assert.AreEqual(i * 10, position);
            Assert.AreSame(ids[i], found);
        }

        Assert.IsFalse(table.TryFind("abcdefgk", out _, out _));
        Assert.IsFalse(table.TryFind("abcdefghk", out _, out var missing));
        Assert.AreEqual(-1, missing);
    }

    [TestMethod]
    public void A_hundred_thousand_ids_grow_the_table_and_stay_found()
    {
        var table = new EntityPositions();
        for (var i = 0; i < 100_000; i++)
        {
            table.Add("e" + i, i);
        }

        table.Add("e5", 7); // a duplicate: the first position stays
        Assert.AreEqual(100_000, table.Count);
        for (var i = 0; i < 100_000; i += 997)
        {
            Assert.IsTrue(table.TryFind("e" + i, out _, out var position));
            Assert.AreEqual(i, position);
        }

        Assert.IsTrue(table.TryFind("e5", out _, out var five));
        Assert.AreEqual(5, five);
        Assert.IsFalse(table.TryFind("e100000", out _, out _));
    }
}
