using EfficiencyMisnomer.Tensors;
using EfficiencyMisnomer.Tests.Shapes;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>RotaryEmbedding against ONNX Runtime's contrib operator documentation: input (B, S, N·H), position_ids, cos and sin caches.</summary>
public sealed class RotaryEmbeddingCostTests
{
    private const string Contrib = "com.microsoft";

    [TestCase(0L, 16L)]
    [TestCase(8L, 8L)]
    public void Each_rotated_element_is_two_multiplies_and_an_add(long rotaryDim, long rotatedPerHead)
    {
        const long B = 2, S = 3, N = 4, H = 16;
        var builder = new Builder().Opset(Contrib, 1);
        var x = builder.Input("x", ElementType.Float, B, S, N * H);
        var positions = builder.Input("position_ids", ElementType.Int64, B, S);
        var cos = builder.Weight("cos_cache", 32, rotatedPerHead / 2);
        var sin = builder.Weight("sin_cache", 32, rotatedPerHead / 2);
        var y = builder.Declare(builder.NodeIn(Contrib, "RotaryEmbedding", new[] { x, positions, cos, sin }, new[] { "y" },
            ("num_heads", N), ("rotary_embedding_dim", rotaryDim)), ElementType.Float, B, S, N * H);

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(3 * B * S * N * rotatedPerHead));
            Assert.That(report.Count("params"), Is.Zero, "the cos and sin caches are position tables");
        });
    }

    [Test]
    public void The_onnx_operator_costs_the_same_with_its_caches_second_and_third()
    {
        const long B = 2, N = 4, S = 3, H = 16;
        var builder = new Builder(opset: 23);
        var x = builder.Input("x", ElementType.Float, B, N, S, H);
        var y = builder.Node("RotaryEmbedding", new[] { x, builder.Weight("cos_cache", 32, H / 2), builder.Weight("sin_cache", 32, H / 2), builder.Input("position_ids", ElementType.Int64, B, S) },
            new[] { "y" });

        var types = builder.Infer();
        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[2x4x3x16]"));
            Assert.That(report.Count("flops"), Is.EqualTo(3 * B * N * S * H));
            Assert.That(report.Count("params"), Is.Zero, "the cos and sin caches are position tables");
        });
    }
}
