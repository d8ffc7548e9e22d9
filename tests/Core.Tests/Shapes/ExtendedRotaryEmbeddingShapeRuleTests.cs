using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>ONNX Runtime's MRotaryEmbedding (Qwen2-VL) and GemmaRotaryEmbedding.</summary>
public sealed class ExtendedRotaryEmbeddingShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Multimodal_rotary_keeps_the_input_and_gemma_rotary_gives_q_and_k()
    {
        var b = new Builder().Opset(Contrib, 1);
        var m = b.NodeIn(Contrib, "MRotaryEmbedding",
            new[] { b.Input("x", ElementType.Float16, 1, 5, 128), b.Input("pos", ElementType.Int64, 3, 1, 5), b.Weight("cos", 32, 16), b.Weight("sin", 32, 16) },
            new[] { "m" }, ("num_heads", 4L), ("rotary_embedding_dim", 32L), ("mrope_section", new long[] { 4, 6, 6 }));
        var q = b.Input("q", ElementType.Float16, 1, 8, 5, 64);
        var k = b.Input("k", ElementType.Float16, 1, 2, 5, 64);
        b.NodeIn(Contrib, "GemmaRotaryEmbedding", new[] { b.Input("emb", ElementType.Float, 1, 5, 64), q, b.Input("q_rot", ElementType.Float16, 1, 8, 5, 64), k,
            b.Input("k_rot", ElementType.Float16, 1, 2, 5, 64) }, new[] { "q_out", "k_out" });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(m), Is.EqualTo("[1x5x128]"));
            Assert.That(types.Element(m), Is.EqualTo(ElementType.Float16));
            Assert.That(types.Shape("q_out"), Is.EqualTo("[1x8x5x64]"));
            Assert.That(types.Shape("k_out"), Is.EqualTo("[1x2x5x64]"));
            Assert.That(types.Element("k_out"), Is.EqualTo(ElementType.Float16));
        });
    }

    [Test]
    public void Multimodal_rotary_rejects_a_2d_input()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "MRotaryEmbedding", new[] { b.Input("x", ElementType.Float, 5, 128), b.Input("pos", ElementType.Int64, 3, 1, 5), b.Weight("cos", 32, 16),
            b.Weight("sin", 32, 16) }, new[] { "m" }, ("num_heads", 4L));

        ShapeTestKit.AssertShapeMismatch(b, "MRotaryEmbedding_0");
    }

    [Test]
    public void Gemma_rotary_rejects_a_3d_query()
    {
        var b = new Builder().Opset(Contrib, 1);
        var q = b.Input("q", ElementType.Float, 1, 5, 64);
        b.NodeIn(Contrib, "GemmaRotaryEmbedding", new[] { b.Input("emb", ElementType.Float, 1, 5, 64), q, q, q, q }, new[] { "q_out", "k_out" });

        ShapeTestKit.AssertShapeMismatch(b, "GemmaRotaryEmbedding_0");
    }
}
