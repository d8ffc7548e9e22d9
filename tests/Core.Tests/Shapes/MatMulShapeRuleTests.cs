using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class MatMulShapeRuleTests
{
    [Test]
    public void Batch_dims_broadcast()
    {
        var b = new Builder();
        var y = b.Op("MatMul", new[] { b.Input("a", ElementType.Float, 2, 1, 4, 5), b.Input("b", ElementType.Float, 3, 5, 6) });

        Assert.That(b.Infer().Shape(y), Is.EqualTo("[2x3x4x6]"));
    }

    [Test]
    public void One_dimensional_operands_lose_their_added_dim()
    {
        var b = new Builder();
        var vector = b.Input("v", ElementType.Float, 5);
        var left = b.Op("MatMul", new[] { vector, b.Input("m", ElementType.Float, 3, 5, 6) });
        var right = b.Op("MatMul", new[] { b.Input("n", ElementType.Float, 2, 4, 5), vector });
        var dot = b.Op("MatMul", new[] { vector, vector });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(left), Is.EqualTo("[3x6]"));
            Assert.That(types.Shape(right), Is.EqualTo("[2x4]"));
            Assert.That(types.Shape(dot), Is.EqualTo("[]"));
        });
    }

    [Test]
    public void Symbolic_batch_is_kept_and_gemm_honours_transposes()
    {
        var b = new Builder();
        var topk = b.Node("TopK", new[] { b.Input("s", ElementType.Float, 100), b.Input("k", ElementType.Int64, 1) }, new[] { "values", "indices" });
        var rows = b.Op("Unsqueeze", new[] { topk, b.Int64s("axes", 1) });
        var y = b.Op("MatMul", new[] { rows, b.Weight("w", 1, 8) });
        var gemm = b.Op("Gemm", new[] { b.Input("a", ElementType.Float, 4, 3), b.Weight("g", 5, 4) }, ("transA", 1L), ("transB", 1L));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.TypeOf(y)!.Shape![0].IsKnown, Is.False);
            Assert.That(types.TypeOf(y)!.Shape![1].Value, Is.EqualTo(8));
            Assert.That(types.Shape(gemm), Is.EqualTo("[3x5]"));
        });
    }

    [Test]
    public void Mismatched_inner_dims_are_rejected_with_the_node_name()
    {
        var b = new Builder();
        b.Op("MatMul", new[] { b.Input("a", ElementType.Float, 2, 3), b.Input("b", ElementType.Float, 4, 5) });

        ShapeTestKit.AssertShapeMismatch(b, "MatMul_0");
    }
}
