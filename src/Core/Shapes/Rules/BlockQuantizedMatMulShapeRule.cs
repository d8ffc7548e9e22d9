using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft <c>MatMulBlockQuantizedFp8Weight</c> and <c>MatMulBlockQuantizedFp4Weight</c>: Y is A's type with its
/// last dim (K) replaced by N, B's first dim; <c>MatMulBnb4</c>: replaced by the <c>N</c> attribute (by <c>K</c> when
/// <c>transB</c> is 0).
/// </summary>
internal sealed class BlockQuantizedMatMulShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "MatMulBlockQuantizedFp8Weight", "MatMulBlockQuantizedFp4Weight", "MatMulBnb4" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var a = context.RequireShape(0);
        var n = context.Node.OpType == "MatMulBnb4"
            ? Dim.Of(context.Attributes.GetInt(context.Attributes.GetInt("transB", 1) != 0 ? "N" : "K", 0))
            : context.RequireShape(1) is { Rank: 2 } b ? b[0] : throw context.Invalid($"B {context.RequireShape(1)} is not a 2-D [N, K] weight");
        if (a.Rank == 0 || (n.IsKnown && n.Value <= 0))
        {
            throw context.Invalid($"A {a} and N {n} do not make a product: A needs a K dim and N must be positive");
        }

        context.SetOutput(0, type.ElementType, ShapeMath.Replace(a, a.Rank - 1, n));
    }
}
