using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>com.microsoft MatMulInteger16, MulInteger and ReduceSumInteger against ONNX Runtime's contrib operator documentation.</summary>
public sealed class ContribIntegerShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Matmul_integer16_gives_the_product_in_32_bits()
    {
        var b = new Builder().Opset(Contrib, 1);
        var y = b.NodeIn(Contrib, "MatMulInteger16", new[] { b.Input("a", ElementType.Int16, 2, 3, 8), b.Input("b", ElementType.Int16, 8, 5) }, new[] { "y" });
        var u = b.NodeIn(Contrib, "MatMulInteger16", new[] { b.Input("ua", ElementType.UInt16, 3, 8), b.Input("ub", ElementType.UInt16, 8, 5) }, new[] { "u" });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[2x3x5]"));
            Assert.That(types.Element(y), Is.EqualTo(ElementType.Int32));
            Assert.That(types.Element(u), Is.EqualTo(ElementType.UInt32));
        });
    }

    [Test]
    public void Matmul_integer16_with_mismatched_inner_dims_is_rejected()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "MatMulInteger16", new[] { b.Input("a", ElementType.Int16, 3, 8), b.Input("b", ElementType.Int16, 7, 5) }, new[] { "y" });

        ShapeTestKit.AssertShapeMismatch(b, "MatMulInteger16_0");
    }

    [Test]
    public void Mul_integer_broadcasts_a_and_b_past_the_zero_points()
    {
        var b = new Builder().Opset(Contrib, 1);
        var inputs = new[] { b.Input("a", ElementType.UInt8, 4, 1, 6), b.Input("za", ElementType.UInt8), b.Input("b", ElementType.UInt8, 3, 1) };
        var y = b.NodeIn(Contrib, "MulInteger", inputs, new[] { "y" });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[4x3x6]"));
            Assert.That(types.Element(y), Is.EqualTo(ElementType.Int32));
        });
    }

    [Test]
    public void Mul_integer_with_unbroadcastable_operands_is_rejected()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "MulInteger", new[] { b.Input("a", ElementType.Int8, 4, 6), "", b.Input("b", ElementType.Int8, 5) }, new[] { "y" });

        ShapeTestKit.AssertShapeMismatch(b, "MulInteger_0");
    }

    [Test]
    public void Reduce_sum_integer_reduces_its_axes_in_32_bits()
    {
        var b = new Builder().Opset(Contrib, 1);
        var kept = b.NodeIn(Contrib, "ReduceSumInteger", new[] { b.Input("x", ElementType.Int8, 2, 3, 4) }, new[] { "kept" }, ("axes", new[] { 1L, -1L }), ("keepdims", 1L));
        var dropped = b.NodeIn(Contrib, "ReduceSumInteger", new[] { b.Input("u", ElementType.UInt8, 2, 3, 4) }, new[] { "dropped" }, ("axes", new[] { 0L }), ("keepdims", 0L));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(kept), Is.EqualTo("[2x1x1]"));
            Assert.That(types.Element(kept), Is.EqualTo(ElementType.Int32));
            Assert.That(types.Shape(dropped), Is.EqualTo("[3x4]"));
            Assert.That(types.Element(dropped), Is.EqualTo(ElementType.UInt32));
        });
    }

    [TestCase("axes")]
    [TestCase("keepdims")]
    public void Reduce_sum_integer_without_a_required_attribute_is_rejected(string missing)
    {
        var b = new Builder().Opset(Contrib, 1);
        var attributes = new (string, object)[] { ("axes", new[] { 1L }), ("keepdims", 1L) }.Where(a => a.Item1 != missing).ToArray();
        b.NodeIn(Contrib, "ReduceSumInteger", new[] { b.Input("x", ElementType.Int8, 2, 3) }, new[] { "y" }, attributes);

        ShapeTestKit.AssertShapeMismatch(b, "ReduceSumInteger_0");
    }

    [Test]
    public void Reduce_sum_integer_axis_outside_the_rank_is_rejected()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "ReduceSumInteger", new[] { b.Input("x", ElementType.Int8, 2, 3) }, new[] { "y" }, ("axes", new[] { 2L }), ("keepdims", 1L));

        ShapeTestKit.AssertShapeMismatch(b, "ReduceSumInteger_0");
    }
}
