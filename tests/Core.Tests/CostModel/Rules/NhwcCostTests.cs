using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>NhwcConv, NhwcFusedConv and NhwcMaxPool against ONNX Runtime's contrib operator documentation.</summary>
public sealed class NhwcCostTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Nhwc_conv_costs_what_conv_costs_with_a_channels_last_weight()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var y = builder.NodeIn(Contrib, "NhwcConv", new[] { builder.Input("x", ElementType.Float, 1, 8, 8, 3), builder.Weight("w", 4, 3, 3, 3), builder.Weight("b", 4) },
            new[] { "y" }, ("pads", new long[] { 1, 1, 1, 1 }));

        var report = builder.Analyze(y);

        // Output (1, 8, 8, 4): 256 elements of 3·3·3 MACs each; the bias 1 per output. Weights 4·3·3·3 + 4.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(256 * 27));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * 256 * 27) + 256));
            Assert.That(report.Count("params"), Is.EqualTo(108 + 4));
            Assert.That(report.Count("activations"), Is.EqualTo(256));
        });
    }

    [TestCase("Relu", false, 1L)]
    [TestCase("Sigmoid", true, 1L + 4)]
    public void Nhwc_fused_conv_adds_the_sum_and_the_activation(string activation, bool sum, long perOutput)
    {
        var builder = new Builder().Opset(Contrib, 1);
        var inputs = new[]
        {
            builder.Input("x", ElementType.Float, 1, 8, 8, 3), builder.Weight("w", 4, 3, 3, 3), builder.Weight("b", 4),
            sum ? builder.Input("z", ElementType.Float, 1, 8, 8, 4) : "",
        };
        var y = builder.NodeIn(Contrib, "NhwcFusedConv", inputs, new[] { "y" }, ("activation", activation), ("pads", new long[] { 1, 1, 1, 1 }));

        var report = builder.Analyze(y);

        // 256 outputs of 27 MACs; per output the bias 1, the sum 1 when Z is given, Relu 1 or Sigmoid 4.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(256 * 27));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * 256 * 27) + ((1 + perOutput) * 256)));
        });
    }

    [Test]
    public void Nhwc_max_pool_compares_once_per_kernel_position()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var y = builder.NodeIn(Contrib, "NhwcMaxPool", new[] { builder.Input("x", ElementType.UInt8, 2, 6, 6, 8) }, new[] { "y" },
            ("kernel_shape", new long[] { 3, 3 }), ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }));

        var report = builder.Analyze(y);

        // Output (2, 3, 3, 8) = 144 elements, 3·3 compares each; uint8 in and out: 2·6·6·8 + 144 bytes.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.Zero);
            Assert.That(report.Count("flops"), Is.EqualTo(144 * 9));
            Assert.That(report.Count("memory_access"), Is.EqualTo(576 + 144));
        });
    }
}
