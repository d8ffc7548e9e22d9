using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>
/// CausalConvWithState against ONNX Runtime's contrib operator documentation: input (B, C, L), weight (C, 1, k), bias (C),
/// state (B, C, k − 1); VarlenCausalConvWithState's input is packed tokens (T, C).
/// </summary>
public sealed class CausalConvWithStateCostTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Every_output_reads_all_kernel_taps_then_the_bias_and_silu()
    {
        const long B = 2, C = 8, L = 5, Kernel = 4;
        var builder = new Builder().Opset(Contrib, 1);
        var inputs = new[]
        {
            builder.Input("x", ElementType.Float, B, C, L), builder.Weight("weight", C, 1, Kernel), builder.Weight("bias", C),
            builder.Input("past_state", ElementType.Float, B, C, Kernel - 1),
        };
        var y = builder.Declare(builder.NodeIn(Contrib, "CausalConvWithState", inputs, new[] { "y", "present_state" }, ("activation", "silu")),
            ElementType.Float, B, C, L);

        var report = builder.Analyze(y);

        // Outputs 2·8·5 = 80, each 4 taps: 320 MACs. FLOPs 2·320 = 640, the bias 80, silu 5·80 = 400: 1120.
        // Params: the 8·4 kernel and the 8 biases, 40.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(320));
            Assert.That(report.Count("flops"), Is.EqualTo(1120));
            Assert.That(report.Count("params"), Is.EqualTo(40));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    [Test]
    public void Packed_tokens_read_all_kernel_taps_then_the_bias_and_silu()
    {
        const long Tokens = 7, C = 8, Kernel = 4;
        var builder = new Builder().Opset(Contrib, 1);
        var inputs = new[]
        {
            builder.Input("x", ElementType.Float, Tokens, C), builder.Weight("weight", C, 1, Kernel), builder.Input("cu_seqlens", ElementType.Int32, 3),
            builder.Weight("bias", C), builder.Input("initial_state", ElementType.Float, 2, C, Kernel - 1),
        };
        var y = builder.Declare(builder.NodeIn(Contrib, "VarlenCausalConvWithState", inputs, new[] { "y", "final_state" }, ("activation", "swish")),
            ElementType.Float, Tokens, C);

        var report = builder.Analyze(y);

        // Outputs 7·8 = 56, each 4 taps: 224 MACs. FLOPs 2·224 = 448, the bias 56, swish 5·56 = 280: 784.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(224));
            Assert.That(report.Count("flops"), Is.EqualTo(784));
            Assert.That(report.Count("params"), Is.EqualTo(40));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }
}
