using EfficiencyMisnomer.Onnx;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

public sealed class AttentionCostTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Attention_counts_the_packed_projection_and_both_attention_products()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var x = builder.Input("x", ElementType.Float, 2, 5, 16);
        var mask = builder.Input("mask", ElementType.Int32, 2, 5);
        var y = builder.Declare(builder.NodeIn(Contrib, "Attention", new[] { x, builder.Weight("w", 16, 48), builder.Weight("b", 48), mask },
            new[] { "y" }, ("num_heads", 4L)), ElementType.Float, 2, 5, 16);

        var report = builder.Analyze(y);

        // Projection B·S·Hin·3H = 2·5·16·48; scores B·N·S·S = 2·4·5·5 = 200, Q·Kᵀ and A·V 200·4 each.
        // Extra: bias 2·5·48, per score scale 1 + mask 1 + softmax 5.
        const long macs = 7680 + 800 + 800;
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(macs));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * macs) + 480 + (7 * 200)));
            Assert.That(report.Count("activations"), Is.EqualTo(160));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    [Test]
    public void Attention_with_a_past_attends_to_past_and_new_keys()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var x = builder.Input("x", ElementType.Float, 1, 1, 8);
        var past = builder.Input("past", ElementType.Float, 2, 1, 2, 9, 4);
        var y = builder.Declare(builder.NodeIn(Contrib, "Attention", new[] { x, builder.Weight("w", 8, 24), "", "", past },
            new[] { "y", "present" }, ("num_heads", 2L), ("unidirectional", 1L)), ElementType.Float, 1, 1, 8);
        builder.Declare("present", ElementType.Float, 2, 1, 2, 10, 4);

        var report = builder.Analyze(y);

        // Projection 1·1·8·24 = 192; 10 keys: scores 1·2·1·10 = 20, products 20·4 each; no bias, no mask.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(192 + 80 + 80));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * 352) + (6 * 20)));
        });
    }
}
