using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>MRotaryEmbedding and GemmaRotaryEmbedding against ONNX Runtime's contrib operators.</summary>
public sealed class ExtendedRotaryEmbeddingCostTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Multimodal_rotary_rotates_its_dim_of_each_head_and_its_caches_are_not_parameters()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var y = builder.NodeIn(Contrib, "MRotaryEmbedding",
            new[] { builder.Input("x", ElementType.Float, 1, 5, 128), builder.Input("pos", ElementType.Int64, 3, 1, 5), builder.Weight("cos", 32, 8), builder.Weight("sin", 32, 8) },
            new[] { "y" }, ("num_heads", 4L), ("rotary_embedding_dim", 16L), ("mrope_section", new long[] { 2, 3, 3 }));

        var report = builder.Analyze(y);

        // 5 tokens · 4 heads of 128 / 4 = 32, 16 of each rotated: 320 elements at 3 FLOPs.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(3 * 5 * 4 * 16));
            Assert.That(report.Count("params"), Is.Zero);
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    [Test]
    public void Gemma_rotary_takes_sin_and_cos_of_emb_then_rotates_q_and_k()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var q = builder.Input("q", ElementType.Float, 1, 8, 5, 64);
        var k = builder.Input("k", ElementType.Float, 1, 2, 5, 64);
        builder.NodeIn(Contrib, "GemmaRotaryEmbedding", new[] { builder.Input("emb", ElementType.Float, 1, 5, 64), q, builder.Input("q_rot", ElementType.Float, 1, 8, 5, 64), k,
            builder.Input("k_rot", ElementType.Float, 1, 2, 5, 64) }, new[] { "q_out", "k_out" });
        builder.Output("k_out");

        var report = builder.Analyze("q_out");

        // emb 5·64 = 320 elements, sin and cos each; q 8·5·64 = 2560 and k 2·5·64 = 640 elements at 3 FLOPs.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo((2 * 320) + (3 * (2560 + 640))));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }
}
