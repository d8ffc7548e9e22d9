using EfficiencyMisnomer.Tensors;
using EfficiencyMisnomer.Tests.Shapes;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>com.microsoft QuantizeLinear, DequantizeLinear and QLinearConv against ONNX Runtime's contrib operator documentation.</summary>
public sealed class ContribQuantizedCostTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Contrib_int16_qdq_costs_two_flops_per_element_and_counts_its_weights_not_its_scales()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var x = builder.Input("x", ElementType.Float, 2, 8);
        var scale = builder.ScalarFloat("scale", 0.5f);
        var zero = builder.Initializer("zero", ElementType.Int16, Array.Empty<long>());
        var q = builder.NodeIn(Contrib, "QuantizeLinear", new[] { x, scale, zero }, new[] { "q" });
        var dq = builder.NodeIn(Contrib, "DequantizeLinear", new[] { q, scale, zero }, new[] { "dq" });
        var w = builder.Initializer("w", ElementType.Int16, new long[] { 8, 4 });
        var wdq = builder.NodeIn(Contrib, "DequantizeLinear", new[] { w, builder.Weight("w_scale", 4), builder.Initializer("w_zero", ElementType.Int16, new long[] { 4 }) },
            new[] { "wdq" });
        var y = builder.Op("MatMul", new[] { dq, wdq });

        var report = builder.Analyze(y);

        // Quantize 16 and dequantize 16 elements at 2 FLOPs each, dequantize the 32 weights at 2 each;
        // MatMul (2, 8) · (8, 4): 64 MACs. Parameters: the 32 int16 weights, not the scales or zero points.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo((2 * 16) + (2 * 16) + (2 * 32) + (2 * 64)));
            Assert.That(report.Count("params"), Is.EqualTo(32));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    [Test]
    public void Contrib_qlinear_conv_with_channels_last_costs_what_qlinear_conv_costs()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var inputs = ContribQuantizedShapeRuleTests.QLinearConvInputs(builder, builder.Input("x", ElementType.UInt8, 1, 8, 8, 3),
            builder.Initializer("w", ElementType.UInt8, new long[] { 4, 3, 3, 3 })).Append(builder.Initializer("b", ElementType.Int32, new long[] { 4 })).ToArray();
        var y = builder.NodeIn(Contrib, "QLinearConv", inputs, new[] { "y" }, ("channels_last", 1L), ("pads", new long[] { 1, 1, 1, 1 }));

        var report = builder.Analyze(y);

        // Output (1, 8, 8, 4): 256 elements of 3·3·3 MACs; the int32 bias 1 per output. Weights 4·3·3·3 + 4.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(256 * 27));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * 256 * 27) + 256));
            Assert.That(report.Count("params"), Is.EqualTo(108 + 4));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }
}
