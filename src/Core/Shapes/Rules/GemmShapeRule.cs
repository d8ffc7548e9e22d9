using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Gemm: Y = op(A) op(B) + C with op a transpose when transA/transB is set.</summary>
internal sealed class GemmShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Gemm" };

    public void Infer(ShapeContext context) =>
        context.SetOutput(0, context.RequireType(0).ElementType, Product(context, context.RequireShape(0), context.RequireShape(1)));

    /// <summary>The shape of <c>op(A) · op(B)</c> as the node's <c>transA</c> and <c>transB</c> say.</summary>
    internal static TensorShape Product(ShapeContext context, TensorShape a, TensorShape b)
    {
        if (a.Rank != 2 || b.Rank != 2)
        {
            throw context.Invalid($"Gemm needs 2-D operands, got {a} and {b}");
        }

        bool transA = context.Attributes.GetInt("transA", 0) != 0;
        bool transB = context.Attributes.GetInt("transB", 0) != 0;
        var (m, k) = transA ? (a[1], a[0]) : (a[0], a[1]);
        var (kb, n) = transB ? (b[1], b[0]) : (b[0], b[1]);
        if (k.IsKnown && kb.IsKnown && k.Value != kb.Value)
        {
            throw context.Invalid($"inner dimensions differ: {a} times {b} (transA={(transA ? 1 : 0)}, transB={(transB ? 1 : 0)})");
        }

        return new TensorShape(new[] { m, n });
    }
}
