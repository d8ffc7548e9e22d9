using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>com.microsoft MatMulNBits: Y is A's type with its last dim (K) replaced by the <c>N</c> attribute.</summary>
internal sealed class MatMulNBitsShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "MatMulNBits" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var a = context.RequireShape(0);
        var n = context.Attributes.GetInt("N", 0);
        if (a.Rank == 0 || n <= 0)
        {
            throw context.Invalid($"A {a} and N {n} do not make a product: A needs a K dim and N must be positive");
        }

        context.SetOutput(0, type.ElementType, ShapeMath.Replace(a, a.Rank - 1, Dim.Of(n)));
    }
}
