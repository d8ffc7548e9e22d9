using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>The com.microsoft QuantizeLinear, DequantizeLinear and QLinearConv of ONNX Runtime's quantizer and NHWC transformer.</summary>
public sealed class ContribQuantizedShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Contrib_quantize_takes_the_zero_point_type_and_dequantize_the_scale_type()
    {
        var b = new Builder().Opset(Contrib, 1);
        var x = b.Input("x", ElementType.Float, 2, 8);
        var scale = b.ScalarFloat("scale", 0.5f);
        var q = b.NodeIn(Contrib, "QuantizeLinear", new[] { x, scale, b.Initializer("zero", ElementType.Int16, Array.Empty<long>()) }, new[] { "q" });
        var w = b.Initializer("w", ElementType.Int4, new long[] { 4, 6 });
        var dq = b.NodeIn(Contrib, "DequantizeLinear", new[] { w, b.Weight("w_scale", 4), b.Initializer("w_zero", ElementType.Int4, new long[] { 4 }) }, new[] { "dq" },
            ("axis", 0L));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(q), Is.EqualTo("[2x8]"));
            Assert.That(types.Element(q), Is.EqualTo(ElementType.Int16));
            Assert.That(types.Shape(dq), Is.EqualTo("[4x6]"));
            Assert.That(types.Element(dq), Is.EqualTo(ElementType.Float));
        });
    }

    [Test]
    public void Contrib_dequantize_rejects_a_per_axis_scale_of_another_length()
    {
        var b = new Builder().Opset(Contrib, 1);
        var w = b.Initializer("w", ElementType.UInt16, new long[] { 4, 6 });
        b.NodeIn(Contrib, "DequantizeLinear", new[] { w, b.Weight("w_scale", 4), b.Initializer("w_zero", ElementType.UInt16, new long[] { 4 }) }, new[] { "dq" });

        // The default axis is 1, where w has 6 values, not the scale's 4.
        ShapeTestKit.AssertShapeMismatch(b, "DequantizeLinear_0");
    }

    [Test]
    public void Contrib_qlinear_conv_with_channels_last_puts_the_output_channels_last()
    {
        var b = new Builder().Opset(Contrib, 1);
        var inputs = QLinearConvInputs(b, b.Input("x", ElementType.UInt8, 2, 9, 9, 6), b.Initializer("w", ElementType.UInt8, new long[] { 8, 3, 3, 3 }));
        var y = b.NodeIn(Contrib, "QLinearConv", inputs, new[] { "y" }, ("channels_last", 1L), ("group", 2L), ("strides", new long[] { 2, 2 }));

        var types = b.Infer();

        // (9 − 3) / 2 + 1 = 4 per side; 6 channels are 2 groups of the weight's 3; 8 output channels last.
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[2x4x4x8]"));
            Assert.That(types.Element(y), Is.EqualTo(ElementType.UInt8));
        });
    }

    [Test]
    public void Contrib_qlinear_conv_without_channels_last_is_the_onnx_one()
    {
        var b = new Builder().Opset(Contrib, 1);
        var inputs = QLinearConvInputs(b, b.Input("x", ElementType.UInt8, 1, 3, 8, 8), b.Initializer("w", ElementType.UInt8, new long[] { 4, 3, 3, 3 }));
        var y = b.NodeIn(Contrib, "QLinearConv", inputs, new[] { "y" }, ("pads", new long[] { 1, 1, 1, 1 }));

        var types = b.Infer();

        Assert.That(types.Shape(y), Is.EqualTo("[1x4x8x8]"));
    }

    [Test]
    public void Contrib_qlinear_conv_rejects_channels_the_weight_does_not_have()
    {
        var b = new Builder().Opset(Contrib, 1);
        var inputs = QLinearConvInputs(b, b.Input("x", ElementType.UInt8, 1, 8, 8, 5), b.Initializer("w", ElementType.UInt8, new long[] { 4, 3, 3, 3 }));
        b.NodeIn(Contrib, "QLinearConv", inputs, new[] { "y" }, ("channels_last", 1L));

        ShapeTestKit.AssertShapeMismatch(b, "QLinearConv_0");
    }

    [Test]
    public void Contrib_qlinear_conv_rejects_a_weight_of_another_rank()
    {
        var b = new Builder().Opset(Contrib, 1);
        var inputs = QLinearConvInputs(b, b.Input("x", ElementType.UInt8, 1, 8, 3), b.Initializer("w", ElementType.UInt8, new long[] { 4, 3, 3, 3 }));
        b.NodeIn(Contrib, "QLinearConv", inputs, new[] { "y" }, ("channels_last", 1L));

        ShapeTestKit.AssertShapeMismatch(b, "QLinearConv_0");
    }

    /// <summary>x, its scale and zero point, w, its scale and zero point, then y's scale and zero point (all per tensor).</summary>
    internal static string[] QLinearConvInputs(Builder b, string x, string w)
    {
        var zero = b.Initializer("zero", ElementType.UInt8, Array.Empty<long>());
        var scale = b.ScalarFloat("scale", 0.05f);
        return new[] { x, scale, zero, w, scale, zero, scale, zero };
    }
}
