using EfficiencyMisnomer.Tensors;
using EfficiencyMisnomer.Tests.Shapes;
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

    [Test]
    public void Quantized_attention_costs_as_attention_with_int8_weights_as_parameters()
    {
        // QAttention: uint8 input, int8 weights (Hin, 3·D), float bias, input and weight scales, mask index (input 5), zero points.
        var builder = new Builder().Opset(Contrib, 1);
        var x = builder.Input("x", ElementType.UInt8, 2, 5, 16);
        var inputs = new[]
        {
            x, builder.Initializer("w", ElementType.Int8, new long[] { 16, 48 }), builder.Weight("b", 48), builder.Input("x_scale", ElementType.Float),
            builder.Floats("w_scale", Array.Empty<long>(), new[] { 0.1f }), builder.Input("mask", ElementType.Int32, 2, 5),
            builder.Initializer("x_zero", ElementType.UInt8, Array.Empty<long>()), builder.Initializer("w_zero", ElementType.Int8, Array.Empty<long>()),
        };
        var y = builder.NodeIn(Contrib, "QAttention", inputs, new[] { "y" }, ("num_heads", 4L));

        var types = builder.Infer();
        var report = builder.Analyze(y);

        // The same arithmetic as the float Attention above.
        const long macs = 7680 + 800 + 800;
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[2x5x16]"));
            Assert.That(types.Element(y), Is.EqualTo(ElementType.Float));
            Assert.That(report.Count("macs"), Is.EqualTo(macs));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * macs) + 480 + (7 * 200)));
            Assert.That(report.Count("params"), Is.EqualTo((16 * 48) + 48), "the int8 weights and the bias; not scales or zero points");
        });
    }
}
