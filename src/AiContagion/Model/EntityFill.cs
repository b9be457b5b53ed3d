using System.Runtime.CompilerServices;

namespace AiContagion.Model;

/// <summary>
/// The init-only setters of <see cref="Entity"/>'s figures, called in place on an entity a reader has just made and not
/// yet shared (<see cref="TypedField{TRecord, TValue}.TryFill"/>).
/// </summary>
/// <remarks>
/// A <c>with</c> expression copies the whole record (≈ 200 bytes) for every field set: five figures per row made 5·10⁵
/// copies for the 10⁵-entity benchmark folder, most of the allocation and collection of reading its entities file.
/// Filling the fresh record in place makes one entity per row. These call the properties' own <c>init</c> accessors
/// (<see cref="UnsafeAccessorAttribute"/>, resolved at compile time under Native AOT), so an entity is still only ever
/// changed before anyone else sees it.
/// </remarks>
internal static class EntityFill
{
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Cash")]
    public static extern void Cash(Entity entity, double? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Revenue")]
    public static extern void Revenue(Entity entity, double? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Costs")]
    public static extern void Costs(Entity entity, double? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_RevenueGrowth")]
    public static extern void RevenueGrowth(Entity entity, double? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_CostsGrowth")]
    public static extern void CostsGrowth(Entity entity, double? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Capital")]
    public static extern void Capital(Entity entity, double? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Valuation")]
    public static extern void Valuation(Entity entity, double? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_ExternalAssets")]
    public static extern void ExternalAssets(Entity entity, double? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_ExternalLiabilities")]
    public static extern void ExternalLiabilities(Entity entity, double? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Tolerance")]
    public static extern void Tolerance(Entity entity, double? value);
}
