namespace AiContagion.Cascades.Engines;

/// <summary>A resolved shock in the runway's terms: each entity's withdrawal fraction φ (0: none) and the entities failed at month t0.</summary>
internal sealed class RunwayShock
{
    private RunwayShock(double[] fraction, int[] withdrawn, int[] failed)
    {
        Fraction = fraction;
        Withdrawn = withdrawn;
        Failed = failed;
    }

    /// <summary>φ per entity, 0 when it does not withdraw.</summary>
    public double[] Fraction { get; }

    /// <summary>The withdrawing entities, sorted.</summary>
    public int[] Withdrawn { get; }

    /// <summary>The entities the shock fails at month t0, sorted.</summary>
    public int[] Failed { get; }

    public bool IsEmpty => Withdrawn.Length == 0 && Failed.Length == 0;

    public static RunwayShock None(int entities) => new(new double[entities], [], []);

    public static RunwayShock From(ResolvedShock shock, int entities)
    {
        var fraction = new double[entities];
        for (var i = 0; i < shock.Withdrawn.Length; i++)
        {
            fraction[shock.Withdrawn[i]] = shock.WithdrawnFractions[i];
        }

        return new RunwayShock(fraction, shock.Withdrawn, shock.Failed);
    }
}
