using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>com.microsoft CDist: the distance of every row of A (M, N) to every row of B (K, N), a matrix (M, K) in A's type.</summary>
internal sealed class CDistShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "CDist" };

    public void Infer(ShapeContext context)
    {
        var a = context.RequireShape(0);
        var b = context.RequireShape(1);
        if (a.Rank != 2 || b.Rank != 2)
        {
            throw context.Invalid($"A {a} and B {b} must both be matrices");
        }

        if (ShapeMath.Differ(a[1], b[1]))
        {
            throw context.Invalid($"the rows of A {a} and of B {b} have different lengths");
        }

        context.SetOutput(0, context.RequireType(0).ElementType, new TensorShape(new[] { a[0], b[0] }));
    }
}
