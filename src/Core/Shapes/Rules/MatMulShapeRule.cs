using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// MatMul, MatMulInteger and QLinearMatMul with numpy semantics: 1-D operands gain and then lose a
/// dimension, batch dimensions broadcast.
/// </summary>
internal sealed class MatMulShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "MatMul", "MatMulInteger", "QLinearMatMul" };

    public void Infer(ShapeContext context)
    {
        bool quantized = context.Node.OpType == "QLinearMatMul";
        int bIndex = quantized ? 3 : 1;
        var a = context.RequireShape(0);
        var b = context.RequireShape(bIndex);
        var elementType = context.Node.OpType switch
        {
            "MatMulInteger" => ElementType.Int32,
            "QLinearMatMul" => (context.InputType(7) ?? context.RequireType(0)).ElementType,
            _ => context.RequireType(0).ElementType,
        };
        context.SetOutput(0, elementType, Multiply(context, a, b));
    }

    public static TensorShape Multiply(ShapeContext context, TensorShape a, TensorShape b)
    {
        if (a.Rank == 0 || b.Rank == 0)
        {
            throw context.Invalid("MatMul operands must have rank 1 or more");
        }

        var left = a.Rank == 1 ? new TensorShape(new[] { Dim.Of(1), a[0] }) : a;
        var right = b.Rank == 1 ? new TensorShape(new[] { b[0], Dim.Of(1) }) : b;
        var inner = (left[^1], right[^2]);
        if (inner.Item1.IsKnown && inner.Item2.IsKnown && inner.Item1.Value != inner.Item2.Value)
        {
            throw context.Invalid($"inner dimensions differ: {a} times {b}");
        }

        var batch = ShapeMath.Broadcast(context, new TensorShape(left.Take(left.Rank - 2)), new TensorShape(right.Take(right.Rank - 2)));
        var dims = batch.ToList();
        if (a.Rank > 1)
        {
            dims.Add(left[^2]);
        }

        if (b.Rank > 1)
        {
            dims.Add(right[^1]);
        }

        return new TensorShape(dims);
    }
}
