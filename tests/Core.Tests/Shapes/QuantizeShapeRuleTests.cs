using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class QuantizeShapeRuleTests
{
    [Test]
    public void Output_types_follow_the_zero_point_and_the_scale()
    {
        var b = new Builder(opset: 13);
        var x = b.Input("x", ElementType.Float, 1, 8);
        var scale = b.ScalarFloat("scale", 0.1f);
        var signed = b.Op("QuantizeLinear", new[] { x, scale, b.Initializer("zp", ElementType.Int8, Array.Empty<long>()) });
        var unsigned = b.Op("QuantizeLinear", new[] { x, scale });
        var back = b.Op("DequantizeLinear", new[] { signed, scale });
        b.Node("DynamicQuantizeLinear", new[] { x }, new[] { "q", "qs", "qz" });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Element(signed), Is.EqualTo(ElementType.Int8));
            Assert.That(types.Element(unsigned), Is.EqualTo(ElementType.UInt8));
            Assert.That(types.Element(back), Is.EqualTo(ElementType.Float));
            Assert.That(types.Shape(back), Is.EqualTo("[1x8]"));
            Assert.That(types.Element("q"), Is.EqualTo(ElementType.UInt8));
            Assert.That(types.Shape("qs"), Is.EqualTo("[]"));
            Assert.That(types.Element("qz"), Is.EqualTo(ElementType.UInt8));
        });
    }

    [Test]
    public void Quantized_matmul_and_conv_take_the_output_zero_point_type()
    {
        var b = new Builder(opset: 13);
        var scale = b.ScalarFloat("s", 0.1f);
        var zp = b.Initializer("zp", ElementType.UInt8, Array.Empty<long>());
        var matmul = b.Op("QLinearMatMul", new[] { b.Input("a", ElementType.UInt8, 4, 16), scale, zp, b.Initializer("w", ElementType.UInt8, new long[] { 16, 8 }), scale, zp, scale, zp });
        var conv = b.Op("QLinearConv", new[] { b.Input("x", ElementType.UInt8, 1, 3, 8, 8), scale, zp, b.Initializer("k", ElementType.UInt8, new long[] { 4, 3, 3, 3 }), scale, zp, scale, zp });
        var integer = b.Op("MatMulInteger", new[] { b.Input("i", ElementType.UInt8, 4, 16), b.Initializer("j", ElementType.UInt8, new long[] { 16, 2 }) });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(matmul), Is.EqualTo("[4x8]"));
            Assert.That(types.Element(matmul), Is.EqualTo(ElementType.UInt8));
            Assert.That(types.Shape(conv), Is.EqualTo("[1x4x6x6]"));
            Assert.That(types.Element(integer), Is.EqualTo(ElementType.Int32));
        });
    }
}
