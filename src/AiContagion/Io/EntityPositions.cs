using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace AiContagion.Io;

/// <summary>
/// Entity ids read so far → (the id string, its position among the entities added); the first entity of an id wins.
/// </summary>
/// <remarks>
/// <para>Every link looks up both endpoints, so reading 10⁶ links makes 2·10⁶ lookups among 10⁵ ids whose strings
/// lie all over the heap. A <see cref="Dictionary{TKey, TValue}"/> lookup there costs three dependent cache misses
/// (bucket, entry, key string) and was the largest single cost of loading the CSV folder (a third of a whole-process
/// <c>aicontagion validate</c>, profiled). This table keeps each slot in one 32-byte record: the id, its position,
/// its length and either its characters (ids of up to <see cref="InlineChars"/> characters, compared without touching
/// the string) or its hash (longer ids: the string is compared only when length and hash match). A lookup usually
/// touches one slot; about 2× faster than the dictionary on the 10⁶-link benchmark network.</para>
/// <para>Open addressing with linear probing, a power-of-two capacity kept at most three quarters full (10⁵ ids: 4 MB
/// of slots rather than 8 MB at half full; a lookup is a cache and TLB miss either way, and the smaller table measured
/// faster, the probes of a fuller table staying mostly within one cache line); hashes are
/// <see cref="string.GetHashCode(ReadOnlySpan{char})"/> (randomised per process, so crafted ids cannot force long
/// probe runs predictably). Not thread-safe.</para>
/// </remarks>
internal sealed class EntityPositions
{
    /// <summary>Ids of at most this many characters are held in the slot itself (two 8-byte words).</summary>
    internal const int InlineChars = 8;

    private Slot[] _slots = new Slot[16];
    private int _count;

    /// <summary>Number of distinct ids held.</summary>
    public int Count => _count;

    /// <summary>Makes room for <paramref name="count"/> ids in all, so that adding them never grows the table.</summary>
    public void Reserve(int count)
    {
        var capacity = _slots.Length;
        while (capacity * 3L < 4L * count && capacity < 1 << 30)
        {
            capacity *= 2;
        }

        if (capacity > _slots.Length)
        {
            Rehash(capacity);
        }
    }

    /// <summary>Adds an id at a position, unless the id is already there (the first entity of an id wins).</summary>
    public void Add(string id, int position)
    {
        ArgumentNullException.ThrowIfNull(id);
        var key = Key.Of(id);
        if (Find(_slots, id, key) >= 0)
        {
            return;
        }

        if ((_count + 1) * 4L > _slots.Length * 3L)
        {
            Grow();
        }

        Insert(_slots, new Slot { Id = id, Position = position, Length = id.Length, Word0 = key.Word0, Word1 = key.Word1 }, key.Hash);
        _count++;
    }

    /// <summary>Finds an id: the string it was added with and its position, or <see langword="false"/>.</summary>
    public bool TryFind(ReadOnlySpan<char> id, [NotNullWhen(true)] out string? found, out int position)
    {
        var slots = _slots;
        var index = Find(slots, id, Key.Of(id));
        if (index < 0)
        {
            found = null;
            position = -1;
            return false;
        }

        ref readonly var slot = ref slots[index];
        found = slot.Id!;
        position = slot.Position;
        return true;
    }

    /// <summary>
    /// <see cref="TryFind"/> for two ids at once (a link's two endpoints): both first slots are read before either is
    /// compared, so the two cache misses overlap instead of following one another.
    /// </summary>
    public void FindPair(ReadOnlySpan<char> a, ReadOnlySpan<char> b, out string? foundA, out int positionA, out string? foundB, out int positionB)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        var keyA = Key.Of(a);
        var keyB = Key.Of(b);
        ref readonly var firstA = ref slots[keyA.Hash & mask];
        ref readonly var firstB = ref slots[keyB.Hash & mask];
        var lengthA = firstA.Length;
        var lengthB = firstB.Length;
        var indexA = lengthA == a.Length && firstA.Word0 == keyA.Word0 && firstA.Word1 == keyA.Word1 && firstA.Id is not null && (a.Length <= InlineChars || firstA.Id.AsSpan().SequenceEqual(a))
            ? keyA.Hash & mask
            : Find(slots, a, keyA);
        var indexB = lengthB == b.Length && firstB.Word0 == keyB.Word0 && firstB.Word1 == keyB.Word1 && firstB.Id is not null && (b.Length <= InlineChars || firstB.Id.AsSpan().SequenceEqual(b))
            ? keyB.Hash & mask
            : Find(slots, b, keyB);
        foundA = indexA < 0 ? null : slots[indexA].Id;
        positionA = indexA < 0 ? -1 : slots[indexA].Position;
        foundB = indexB < 0 ? null : slots[indexB].Id;
        positionB = indexB < 0 ? -1 : slots[indexB].Position;
    }

    private static int Find(Slot[] slots, ReadOnlySpan<char> id, Key key)
    {
        var mask = slots.Length - 1;
        var i = key.Hash & mask;
        var inline = id.Length <= InlineChars;
        while (true)
        {
            ref readonly var slot = ref slots[i];
            if (slot.Id is null)
            {
                return -1;
            }

            if (slot.Length == id.Length && slot.Word0 == key.Word0 && slot.Word1 == key.Word1
                && (inline || slot.Id.AsSpan().SequenceEqual(id)))
            {
                return i;
            }

            i = (i + 1) & mask;
        }
    }

    private static void Insert(Slot[] slots, Slot slot, int hash)
    {
        var mask = slots.Length - 1;
        var i = hash & mask;
        while (slots[i].Id is not null)
        {
            i = (i + 1) & mask;
        }

        slots[i] = slot;
    }

    private void Grow() => Rehash(_slots.Length * 2);

    private void Rehash(int capacity)
    {
        var larger = new Slot[capacity];
        foreach (var slot in _slots)
        {
            if (slot.Id is not null)
            {
                Insert(larger, slot, Key.Of(slot.Id).Hash);
            }
        }

        _slots = larger;
    }

    /// <summary>
    /// What a slot compares: for a short id its characters, zero-padded into two words; for a longer one its hash in
    /// the first word (the second is zero). Hash: the probe start, for both.
    /// </summary>
    private readonly record struct Key(int Hash, ulong Word0, ulong Word1)
    {
        public static Key Of(ReadOnlySpan<char> id)
        {
            var hash = string.GetHashCode(id) & int.MaxValue;
            if (id.Length > InlineChars)
            {
                return new Key(hash, (uint)hash, 0);
            }

            Span<char> chars = stackalloc char[InlineChars];
            chars.Clear();
            id.CopyTo(chars);
            var words = MemoryMarshal.Cast<char, ulong>(chars);
            return new Key(hash, words[0], words[1]);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Slot
    {
        public string? Id;
        public int Position;
        public int Length;
        public ulong Word0;
        public ulong Word1;
    }
}
