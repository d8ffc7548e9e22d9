using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft FusedMatMul and its older name TransposeMatMul (with <c>transA</c>/<c>transB</c> swapping the last two dims of A/B), and
/// DynamicQuantizeMatMul and MatMulIntegerToFloat, whose output is in the type of A's or B's scale: the
/// product shape of <see cref="MatMulShapeRule.Multiply"/>.
/// </summary>
internal sealed class ContribMatMulShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "FusedMatMul", "TransposeMatMul", "DynamicQuantizeMatMul", "MatMulIntegerToFloat" };

    public void Infer(ShapeContext context)
    {
        var a = context.RequireShape(0);
        var b = context.RequireShape(1);
        if (context.Node.OpType is "FusedMatMul" or "TransposeMatMul")
        {
            var product = MatMulShapeRule.Multiply(context, Transposed(a, context.Attributes.GetInt("transA", 0)), Transposed(b, context.Attributes.GetInt("transB", 0)));
            context.SetOutput(0, context.RequireType(0).ElementType, product);
            return;
        }

        context.SetOutput(0, context.RequireType(2).ElementType, MatMulShapeRule.Multiply(context, a, b));
    }

    private static TensorShape Transposed(TensorShape shape, long transpose) =>
        transpose == 0 || shape.Rank < 2 ? shape
        : ShapeMath.Replace(ShapeMath.Replace(shape, shape.Rank - 1, shape[^2]), shape.Rank - 2, shape[^1]);
}
