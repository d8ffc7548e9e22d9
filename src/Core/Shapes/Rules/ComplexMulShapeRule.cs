namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft ComplexMul and ComplexMulConj: complex products of A and B (B conjugated for ComplexMulConj), each
/// a tensor of (real, imaginary) pairs in its last dim of 2, broadcast as numpy does; the output is the broadcast
/// shape in A's type.
/// </summary>
internal sealed class ComplexMulShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "ComplexMul", "ComplexMulConj" };

    public void Infer(ShapeContext context)
    {
        var a = context.RequireShape(0);
        var b = context.RequireShape(1);
        foreach (var (name, shape) in new[] { ("A", a), ("B", b) })
        {
            if (shape.Rank == 0 || (shape[shape.Rank - 1].IsKnown && shape[shape.Rank - 1].Value != 2))
            {
                throw context.Invalid($"{name} {shape} must end in a dim of 2 (real, imaginary)");
            }
        }

        context.SetOutput(0, context.RequireType(0).ElementType, ShapeMath.Broadcast(context, a, b));
    }
}
