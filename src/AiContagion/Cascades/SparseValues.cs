namespace AiContagion.Cascades;

/// <summary>Per-entity values that are 0 except at a few entities (sorted indices), so a result costs what the run reached.</summary>
internal sealed class SparseValues
{
    public SparseValues(int[] indices, double[] values)
    {
        Indices = indices;
        Values = values;
    }

    public static SparseValues Empty { get; } = new([], []);

    public int[] Indices { get; }

    public double[] Values { get; }

    public double this[int entity]
    {
        get
        {
            var at = Array.BinarySearch(Indices, entity);
            return at >= 0 ? Values[at] : 0.0;
        }
    }

    /// <summary>Collects the non-zero entries of <paramref name="dense"/> at the given (unsorted, distinct) entities.</summary>
    public static SparseValues Collect(List<int> entities, double[] dense)
    {
        var indices = new int[entities.Count];
        var count = 0;
        foreach (var v in entities)
        {
            if (dense[v] != 0)
            {
                indices[count++] = v;
            }
        }

        Array.Resize(ref indices, count);
        Array.Sort(indices);
        var values = new double[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            values[i] = dense[indices[i]];
        }

        return new SparseValues(indices, values);
    }
}
