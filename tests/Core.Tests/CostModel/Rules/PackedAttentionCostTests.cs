using EfficiencyMisnomer.Tensors;
using EfficiencyMisnomer.Tests.Shapes;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>PackedAttention and PackedMultiHeadAttention against ONNX Runtime's contrib operator documentation.</summary>
public sealed class PackedAttentionCostTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Packed_attention_projects_the_real_tokens_and_bounds_each_one_by_the_padded_length()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var inputs = PackedAttentionShapeRuleTests.Inputs(builder, builder.Input("x", ElementType.Float, 7, 16), "a", 48);
        var y = builder.NodeIn(Contrib, "PackedAttention", inputs, new[] { "y" }, ("num_heads", 4L));

        var report = builder.Analyze(y);

        // Projection 7·16·48 = 5376. Heads of 16 / 4 = 4; scores at most 4 heads · 7 tokens · 5 keys = 140, each
        // 4 + 4 MACs. Bias 7·48 = 336; per score scale and softmax 6. Weights 16·48 + 48.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(5376 + 1120));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * 6496) + 336 + (6 * 140)));
            Assert.That(report.Count("params"), Is.EqualTo(816));
        });
    }

    [Test]
    public void Packed_multi_head_attention_counts_the_attention_products_its_bias_and_attention_bias()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var inputs = new[]
        {
            builder.Input("q", ElementType.Float, 7, 16), builder.Input("k", ElementType.Float, 7, 16), builder.Input("v", ElementType.Float, 7, 8),
            builder.Weight("bias", 40), builder.Input("offsets", ElementType.Int32, 2, 5), builder.Input("lengths", ElementType.Int32, 3),
            builder.Input("attention_bias", ElementType.Float, 1, 4, 5, 5),
        };
        var y = builder.NodeIn(Contrib, "PackedMultiHeadAttention", inputs, new[] { "y" }, ("num_heads", 4L));

        var report = builder.Analyze(y);

        // Key heads 16 / 4 = 4, value heads 8 / 4 = 2; scores 4·7·5 = 140, 140·(4 + 2) = 840 MACs. Bias 7·40 = 280;
        // per score scale, softmax and the attention bias 7.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(840));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * 840) + 280 + (7 * 140)));
        });
    }
}
