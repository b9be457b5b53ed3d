using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AiContagion.Centrality;

/// <summary>
/// The handful of SIMD operations <see cref="BatchedBreadthFirstSearch{TLanes, TLevel, TValue}"/> needs, over a
/// vector of levels (longs) and a vector of values (doubles) of the same lane count. Implemented by value types
/// so the JIT compiles one specialised search per lane width.
/// </summary>
internal interface ILaneVectors<TLevel, TValue>
    where TLevel : struct
    where TValue : struct
{
    /// <summary>Number of lanes (sources per batch).</summary>
    static abstract int Lanes { get; }

    /// <summary>Whether the vectors run in hardware on this machine.</summary>
    static abstract bool IsHardwareAccelerated { get; }

    static abstract TLevel Level(long value);

    static abstract TValue Value(double value);

    static abstract TLevel EqualMask(TLevel left, TLevel right);

    static abstract TLevel And(TLevel left, TLevel right);

    static abstract TLevel Or(TLevel left, TLevel right);

    static abstract bool IsZero(TLevel mask);

    static abstract bool AllEqual(TLevel left, TLevel right);

    static abstract TLevel Select(TLevel mask, TLevel whenTrue, TLevel whenFalse);

    static abstract TValue Select(TLevel mask, TValue whenTrue, TValue whenFalse);

    static abstract TValue Add(TValue left, TValue right);

    static abstract TValue Multiply(TValue left, TValue right);

    static abstract TValue Divide(TValue left, TValue right);

    static abstract long LevelAt(TLevel vector, int lane);

    static abstract double ValueAt(TValue vector, int lane);

    static abstract TLevel WithLevel(TLevel vector, int lane, long value);

    static abstract TValue WithValue(TValue vector, int lane, double value);
}

/// <summary>Four lanes on 256-bit vectors (AVX2 on x64).</summary>
internal readonly struct FourLanes : ILaneVectors<Vector256<long>, Vector256<double>>
{
    public static int Lanes => 4;

    public static bool IsHardwareAccelerated => Vector256.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<long> Level(long value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Value(double value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<long> EqualMask(Vector256<long> left, Vector256<long> right) => Vector256.Equals(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<long> And(Vector256<long> left, Vector256<long> right) => left & right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<long> Or(Vector256<long> left, Vector256<long> right) => left | right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsZero(Vector256<long> mask) => mask == Vector256<long>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllEqual(Vector256<long> left, Vector256<long> right) => left == right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<long> Select(Vector256<long> mask, Vector256<long> whenTrue, Vector256<long> whenFalse) => Vector256.ConditionalSelect(mask, whenTrue, whenFalse);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Select(Vector256<long> mask, Vector256<double> whenTrue, Vector256<double> whenFalse) => Vector256.ConditionalSelect(mask.AsDouble(), whenTrue, whenFalse);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Add(Vector256<double> left, Vector256<double> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Multiply(Vector256<double> left, Vector256<double> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Divide(Vector256<double> left, Vector256<double> right) => left / right;

    public static long LevelAt(Vector256<long> vector, int lane) => vector.GetElement(lane);

    public static double ValueAt(Vector256<double> vector, int lane) => vector.GetElement(lane);

    public static Vector256<long> WithLevel(Vector256<long> vector, int lane, long value) => vector.WithElement(lane, value);

    public static Vector256<double> WithValue(Vector256<double> vector, int lane, double value) => vector.WithElement(lane, value);
}

/// <summary>Eight lanes on 512-bit vectors (AVX-512 on x64).</summary>
internal readonly struct EightLanes : ILaneVectors<Vector512<long>, Vector512<double>>
{
    public static int Lanes => 8;

    public static bool IsHardwareAccelerated => Vector512.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<long> Level(long value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Value(double value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<long> EqualMask(Vector512<long> left, Vector512<long> right) => Vector512.Equals(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<long> And(Vector512<long> left, Vector512<long> right) => left & right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<long> Or(Vector512<long> left, Vector512<long> right) => left | right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsZero(Vector512<long> mask) => mask == Vector512<long>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllEqual(Vector512<long> left, Vector512<long> right) => left == right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<long> Select(Vector512<long> mask, Vector512<long> whenTrue, Vector512<long> whenFalse) => Vector512.ConditionalSelect(mask, whenTrue, whenFalse);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Select(Vector512<long> mask, Vector512<double> whenTrue, Vector512<double> whenFalse) => Vector512.ConditionalSelect(mask.AsDouble(), whenTrue, whenFalse);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Add(Vector512<double> left, Vector512<double> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Multiply(Vector512<double> left, Vector512<double> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Divide(Vector512<double> left, Vector512<double> right) => left / right;

    public static long LevelAt(Vector512<long> vector, int lane) => vector.GetElement(lane);

    public static double ValueAt(Vector512<double> vector, int lane) => vector.GetElement(lane);

    public static Vector512<long> WithLevel(Vector512<long> vector, int lane, long value) => vector.WithElement(lane, value);

    public static Vector512<double> WithValue(Vector512<double> vector, int lane, double value) => vector.WithElement(lane, value);
}
