using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>
/// MatMulNBitsMlp and MatMulNBitsQkv against ONNX Runtime's contrib operator documentation: A (…, K), a skip,
/// the RMS norm scale [K], then per projection a packed uint8 weight [N, ⌈K/block⌉, block·bits/8], its scales and
/// an optional bias [N].
/// </summary>
public sealed class FusedMatMulNBitsCostTests
{
    private const string Contrib = "com.microsoft";
    private const long B = 2, S = 3, K = 64, Block = 32, Bits = 4, Blocks = K / Block;

    [Test]
    public void Mlp_counts_two_projections_the_norm_and_the_gated_activation()
    {
        const long N = 32;
        var builder = new Builder().Opset(Contrib, 1);
        var inputs = new[]
        {
            builder.Input("a", ElementType.Float, B, S, K), builder.Input("skip", ElementType.Float, B, S, K), builder.Weight("norm_scale", K),
            Packed(builder, "gate", N), builder.Weight("gate_scales", N * Blocks), builder.Weight("gate_bias", N),
            Packed(builder, "up", N), builder.Weight("up_scales", N * Blocks), "",
        };
        var y = builder.Declare(builder.NodeIn(Contrib, "MatMulNBitsMlp", inputs, new[] { "y" },
            ("K", K), ("N", N), ("bits", Bits), ("block_size", Block), ("activation", "silu")), ElementType.Float, B, S, N);

        var report = builder.Analyze(y);

        // Rows 2·3 = 6. MACs 6·64·(32 + 32) = 24576. FLOPs: 2·24576 = 49152; skip add and RMS norm with scale
        // (1 + 4)·6·64 = 1920; dequantizing both weights 2·2·64·32 = 8192; per output (6·32 = 192) silu 5,
        // gate product 1 and the gate bias 1: 7·192 = 1344. Total 60608. Params: two K·N weights, the gate
        // bias and the norm scale, 2·2048 + 32 + 64 = 4192; the scales are not parameters.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(24576));
            Assert.That(report.Count("flops"), Is.EqualTo(60608));
            Assert.That(report.Count("params"), Is.EqualTo(4192));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    [Test]
    public void Qkv_counts_three_projections_of_the_normalized_input()
    {
        const long Nq = 32, Nkv = 16;
        var builder = new Builder().Opset(Contrib, 1);
        var inputs = new[]
        {
            builder.Input("a", ElementType.Float, B, S, K), "", builder.Weight("norm_scale", K),
            Packed(builder, "q", Nq), builder.Weight("q_scales", Nq * Blocks), builder.Weight("q_bias", Nq),
            Packed(builder, "k", Nkv), builder.Weight("k_scales", Nkv * Blocks), "",
            Packed(builder, "v", Nkv), builder.Weight("v_scales", Nkv * Blocks), builder.Weight("v_bias", Nkv),
        };
        var q = builder.Declare(builder.NodeIn(Contrib, "MatMulNBitsQkv", inputs, new[] { "q", "k", "v" },
            ("K", K), ("Nq", Nq), ("Nkv", Nkv), ("bits", Bits), ("block_size", Block)), ElementType.Float, B, S, Nq);
        builder.Output("k");
        builder.Output("v");

        var report = builder.Analyze(q);

        // Rows 6, width 32 + 2·16 = 64. MACs 6·64·64 = 24576. FLOPs: 49152; RMS norm with scale 4·6·64 = 1536;
        // dequantizing 2·64·64 = 8192; the Q bias 6·32 = 192 and the V bias 6·16 = 96. Total 59168.
        // Params: 64·32 + 2·64·16 = 4096 logical weights, the biases 32 + 16, the norm scale 64: 4208.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(24576));
            Assert.That(report.Count("flops"), Is.EqualTo(59168));
            Assert.That(report.Count("params"), Is.EqualTo(4208));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    private static string Packed(Builder builder, string name, long n) =>
        builder.Initializer($"{name}_B", ElementType.UInt8, new[] { n, Blocks, Block * Bits / 8 });
}
