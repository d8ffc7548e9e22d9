using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>BiasSplitGelu and GemmFastGelu against ONNX Runtime's contrib operator documentation.</summary>
public sealed class DiffusionActivationCostTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Bias_split_gelu_adds_the_bias_everywhere_then_gates_half()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var y = builder.NodeIn(Contrib, "BiasSplitGelu", new[] { builder.Input("x", ElementType.Float, 2, 4, 10), builder.Weight("bias", 10) }, new[] { "y" });

        var report = builder.Analyze(y);

        // Input 2·4·10 = 80 bias adds; output 2·4·5 = 40 elements of Gelu (5) and the product (1).
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(80 + (6 * 40)));
            Assert.That(report.Count("macs"), Is.Zero);
            Assert.That(report.Count("params"), Is.EqualTo(10));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    [TestCase(true, 10L)]
    [TestCase(false, 9L)]
    public void Gemm_fast_gelu_is_a_matmul_then_fast_gelu(bool bias, long perOutput)
    {
        var builder = new Builder().Opset(Contrib, 1);
        var inputs = new[] { builder.Input("a", ElementType.Float, 2, 5, 16), builder.Weight("w", 16, 32), bias ? builder.Weight("b", 32) : "" };
        var y = builder.NodeIn(Contrib, "GemmFastGelu", inputs, new[] { "y" });

        var report = builder.Analyze(y);

        // (2, 5, 16) · (16, 32): 2·5·16·32 = 5120 MACs; 320 outputs of the tanh Gelu (9) and the bias (1).
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(5120));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * 5120) + (perOutput * 320)));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }
}
