using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>com.microsoft ComplexMul, ComplexMulConj and CDist against ONNX Runtime's contrib operator documentation.</summary>
public sealed class ContribPairwiseShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [TestCase("ComplexMul")]
    [TestCase("ComplexMulConj")]
    public void Complex_products_broadcast_their_operands(string opType)
    {
        var b = new Builder().Opset(Contrib, 1);
        var y = b.NodeIn(Contrib, opType, new[] { b.Input("a", ElementType.Float16, 2, 1, 8, 2), b.Input("b", ElementType.Float16, 3, 8, 2) }, new[] { "y" });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[2x3x8x2]"));
            Assert.That(types.Element(y), Is.EqualTo(ElementType.Float16));
        });
    }

    [TestCase(new long[] { 4, 3 }, new long[] { 4, 2 })]
    [TestCase(new long[] { 4, 2 }, new long[0])]
    [TestCase(new long[] { 4, 2 }, new long[] { 3, 2 })]
    public void Complex_operands_without_real_and_imaginary_parts_or_that_do_not_broadcast_are_rejected(long[] a, long[] b)
    {
        var builder = new Builder().Opset(Contrib, 1);
        builder.NodeIn(Contrib, "ComplexMul", new[] { builder.Input("a", ElementType.Float, a.Cast<object>().ToArray()), builder.Input("b", ElementType.Float, b.Cast<object>().ToArray()) },
            new[] { "y" });

        ShapeTestKit.AssertShapeMismatch(builder, "ComplexMul_0");
    }

    [Test]
    public void Cdist_gives_the_distance_of_every_row_of_a_to_every_row_of_b()
    {
        var b = new Builder().Opset(Contrib, 1);
        var y = b.NodeIn(Contrib, "CDist", new[] { b.Input("a", ElementType.Double, 5, 3), b.Input("b", ElementType.Double, 7, 3) }, new[] { "y" },
            ("metric", "sqeuclidean"));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[5x7]"));
            Assert.That(types.Element(y), Is.EqualTo(ElementType.Double));
        });
    }

    [TestCase(new long[] { 2, 5, 3 }, new long[] { 7, 3 })]
    [TestCase(new long[] { 5, 3 }, new long[] { 7, 4 })]
    public void Cdist_of_other_than_matrices_or_of_rows_of_different_lengths_is_rejected(long[] a, long[] b)
    {
        var builder = new Builder().Opset(Contrib, 1);
        builder.NodeIn(Contrib, "CDist", new[] { builder.Input("a", ElementType.Float, a.Cast<object>().ToArray()), builder.Input("b", ElementType.Float, b.Cast<object>().ToArray()) },
            new[] { "y" });

        ShapeTestKit.AssertShapeMismatch(builder, "CDist_0");
    }
}
