using System.Globalization;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// The shared input of ONNX Runtime's fused MatMulNBits operators (MatMulNBitsMlp, MatMulNBitsQkv):
/// A (…, K) with K the required attribute, and an optional skip (input 1) of the same last dim.
/// </summary>
internal static class QuantizedProjection
{
    private const int SkipInput = 1;

    /// <summary>A's shape, checked against the K attribute and the skip.</summary>
    public static TensorShape Input(ShapeContext context)
    {
        var a = context.RequireShape(0);
        var k = Width(context, "K");
        if (a.Rank == 0 || (a[^1].IsKnown && a[^1].Value != k))
        {
            throw context.Invalid($"A {a} does not end in K {k.ToString(CultureInfo.InvariantCulture)}");
        }

        if (context.InputType(SkipInput)?.Shape is { } skip && (skip.Rank == 0 || (skip[^1].IsKnown && skip[^1].Value != k)))
        {
            throw context.Invalid($"skip {skip} does not end in K {k.ToString(CultureInfo.InvariantCulture)} as A does");
        }

        return a;
    }

    /// <summary>A required, positive size attribute (K, N, Nq, Nkv).</summary>
    public static long Width(ShapeContext context, string attribute) =>
        context.Attributes.GetIntOrNull(attribute) is { } width
            ? width > 0 ? width : throw context.Invalid($"{attribute} {width.ToString(CultureInfo.InvariantCulture)} must be positive")
            : throw context.Invalid($"the required attribute {attribute} is missing");

    /// <summary>A with its last dim (K) replaced by <paramref name="width"/>.</summary>
    public static TensorShape Project(TensorShape a, long width) => ShapeMath.Replace(a, a.Rank - 1, Dim.Of(width));
}
