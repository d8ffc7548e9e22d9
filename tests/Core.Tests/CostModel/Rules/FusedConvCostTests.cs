using EfficiencyMisnomer.Tensors;
using EfficiencyMisnomer.Tests.Shapes;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>FusedConv against ONNX Runtime's contrib operator documentation: Conv's X, W, B, a sum Z, and an activation.</summary>
public sealed class FusedConvCostTests
{
    private const string Contrib = "com.microsoft";

    [TestCase("Relu", false, 1L + 1)]
    [TestCase("Sigmoid", true, 1L + 1 + 4)]
    public void Fused_conv_is_a_conv_then_its_sum_and_activation(string activation, bool sum, long perOutput)
    {
        var builder = new Builder().Opset(Contrib, 1);
        var x = builder.Input("x", ElementType.Float, 1, 3, 8, 8);
        var inputs = new[] { x, builder.Weight("w", 4, 3, 3, 3), builder.Weight("b", 4), sum ? builder.Input("z", ElementType.Float, 1, 4, 8, 8) : "" };
        var y = builder.NodeIn(Contrib, "FusedConv", inputs, new[] { "y" }, ("activation", activation), ("pads", new long[] { 1, 1, 1, 1 }));

        var types = builder.Infer();
        var report = builder.Analyze(y);

        // 256 outputs of 3·3·3 MACs; bias 1, sum 1, activation per output.
        const long outputs = 4 * 8 * 8;
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[1x4x8x8]"));
            Assert.That(report.Count("macs"), Is.EqualTo(outputs * 27));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * outputs * 27) + (perOutput * outputs)));
        });
    }
}
