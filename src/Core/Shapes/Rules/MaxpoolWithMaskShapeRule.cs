using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft MaxpoolWithMask: MaxPool (<see cref="PoolShapeRule"/>, <c>kernel_shape</c> required, no dilations,
/// no ceil mode) whose int32 mask M, of X's rank and spatial dims, ends a window's scan at a zero.
/// </summary>
internal sealed class MaxpoolWithMaskShapeRule : IShapeRule
{
    private static readonly PoolShapeRule Pool = new();

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "MaxpoolWithMask" };

    public void Infer(ShapeContext context)
    {
        var x = context.RequireShape(0);
        var mask = context.RequireShape(1);
        if (context.RequireType(1).ElementType != ElementType.Int32)
        {
            throw context.Invalid($"the mask must be int32, not {context.RequireType(1).ElementType}");
        }

        if (mask.Rank != x.Rank || Enumerable.Range(2, Math.Max(x.Rank - 2, 0)).Any(i => ShapeMath.Differ(x[i], mask[i])))
        {
            throw context.Invalid($"the mask {mask} must have the rank and spatial dims of X {x}");
        }

        Pool.Infer(context);
    }
}
