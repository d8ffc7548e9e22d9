using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

public sealed class MultiHeadAttentionCostTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Cross_attention_counts_only_the_two_attention_products()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var q = builder.Input("q", ElementType.Float, 2, 3, 16);
        var k = builder.Input("k", ElementType.Float, 2, 7, 16);
        var v = builder.Input("v", ElementType.Float, 2, 7, 8);
        var y = builder.Declare(builder.NodeIn(Contrib, "MultiHeadAttention", new[] { q, k, v, builder.Weight("bias", 40) },
            new[] { "y" }, ("num_heads", 4L)), ElementType.Float, 2, 3, 8);

        var report = builder.Analyze(y);

        // Scores 2·4·3·7 = 168; Q·Kᵀ 168·4, A·V 168·2. Bias: 2·3·16 + 2·7·(16 + 8); per score scale and softmax.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(672 + 336));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * 1008) + 96 + 336 + (6 * 168)));
            Assert.That(report.Count("params"), Is.EqualTo(40));
        });
    }

    [Test]
    public void Packed_qkv_with_a_key_padding_mask()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var packed = builder.Input("qkv", ElementType.Float, 1, 6, 2, 3, 8);
        var mask = builder.Input("mask", ElementType.Int32, 1, 6);
        var y = builder.Declare(builder.NodeIn(Contrib, "MultiHeadAttention", new[] { packed, "", "", "", mask },
            new[] { "y" }, ("num_heads", 2L)), ElementType.Float, 1, 6, 16);

        var report = builder.Analyze(y);

        // Scores 1·2·6·6 = 72; products 72·8 each; per score scale, mask, softmax.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(1152));
            Assert.That(report.Count("flops"), Is.EqualTo(2304 + (7 * 72)));
        });
    }
}
