using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>ONNX Runtime's channels-last contrib operators: NhwcConv, NhwcFusedConv and NhwcMaxPool.</summary>
public sealed class NhwcShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Nhwc_conv_puts_the_output_channels_last()
    {
        var b = new Builder().Opset(Contrib, 1);
        var padded = b.NodeIn(Contrib, "NhwcConv", new[] { b.Input("x", ElementType.Float, 1, 8, 8, 3), b.Weight("w", 4, 3, 3, 3) }, new[] { "padded" },
            ("pads", new long[] { 1, 1, 1, 1 }));
        var grouped = b.NodeIn(Contrib, "NhwcConv", new[] { b.Input("g", ElementType.Float, 2, 9, 9, 6), b.Weight("gw", 8, 3, 3, 3) }, new[] { "grouped" },
            ("group", 2L), ("strides", new long[] { 2, 2 }));

        var types = b.Infer();

        // 8 + 1 + 1 − 3 + 1 = 8 per side; (9 − 3) / 2 + 1 = 4 per side, 6 channels = 2 groups of the weight's 3.
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(padded), Is.EqualTo("[1x8x8x4]"));
            Assert.That(types.Shape(grouped), Is.EqualTo("[2x4x4x8]"));
        });
    }

    [Test]
    public void Nhwc_conv_reads_its_kernel_between_the_weights_first_and_last_dims_and_nhwc_fused_conv_after_the_second()
    {
        var b = new Builder().Opset(Contrib, 1);
        var x = b.Input("x", ElementType.Float, 1, 8, 8, 3);
        var conv = b.NodeIn(Contrib, "NhwcConv", new[] { x, b.Weight("w", 4, 1, 5, 3) }, new[] { "conv" });
        var fused = b.NodeIn(Contrib, "NhwcFusedConv", new[] { x, b.Weight("fw", 4, 3, 1, 5), b.Weight("fb", 4) }, new[] { "fused" },
            ("activation", "Relu"));

        var types = b.Infer();

        // Kernel 1×5 either way: 8 − 1 + 1 = 8 rows, 8 − 5 + 1 = 4 columns, 4 output channels last.
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(conv), Is.EqualTo("[1x8x4x4]"));
            Assert.That(types.Shape(fused), Is.EqualTo("[1x8x4x4]"));
        });
    }

    [Test]
    public void Nhwc_conv_rejects_a_weight_of_another_rank()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "NhwcConv", new[] { b.Input("x", ElementType.Float, 1, 8, 3), b.Weight("w", 4, 3, 3, 3) }, new[] { "y" });

        ShapeTestKit.AssertShapeMismatch(b, "NhwcConv_0");
    }

    [Test]
    public void Nhwc_conv_rejects_channels_the_weight_does_not_have()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "NhwcConv", new[] { b.Input("x", ElementType.Float, 1, 8, 8, 3), b.Weight("w", 4, 3, 3, 2) }, new[] { "y" });

        ShapeTestKit.AssertShapeMismatch(b, "NhwcConv_0");
    }

    [Test]
    public void Nhwc_max_pool_keeps_the_channels_last_and_the_element_type()
    {
        var b = new Builder().Opset(Contrib, 1);
        var y = b.NodeIn(Contrib, "NhwcMaxPool", new[] { b.Input("x", ElementType.UInt8, 2, 6, 6, 8) }, new[] { "y" },
            ("kernel_shape", new long[] { 3, 3 }), ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }));

        var types = b.Infer();

        // (6 + 1 + 1 − 3) / 2 + 1 = 3 per side.
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[2x3x3x8]"));
            Assert.That(types.Element(y), Is.EqualTo(ElementType.UInt8));
        });
    }

    [Test]
    public void Nhwc_max_pool_rejects_a_kernel_of_another_rank()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "NhwcMaxPool", new[] { b.Input("x", ElementType.Int8, 2, 6, 8) }, new[] { "y" }, ("kernel_shape", new long[] { 3, 3 }));

        ShapeTestKit.AssertShapeMismatch(b, "NhwcMaxPool_0");
    }
}
