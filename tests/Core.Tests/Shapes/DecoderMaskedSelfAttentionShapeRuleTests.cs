using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>com.microsoft DecoderMaskedSelfAttention against ONNX Runtime's contrib operator documentation.</summary>
public sealed class DecoderMaskedSelfAttentionShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Symbolic_batch_and_past_length_grow_the_present_by_the_new_token()
    {
        var b = Step(new object[] { "batch", 1, 64 }, new long[] { 64, 192 }, new object[] { 2, "batch", 4, "past", 16 }, ("num_heads", 4L));

        var types = b.Infer("batch=3", "past=9");

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[3x1x64]"));
            Assert.That(types.Shape("present"), Is.EqualTo("[2x3x4x10x16]"));
            Assert.That(types.Element("y"), Is.EqualTo(ElementType.Float));
        });
    }

    [Test]
    public void Missing_num_heads_is_rejected()
    {
        var b = Step(new object[] { 1, 1, 64 }, new long[] { 64, 192 }, new object[] { 2, 1, 4, 5, 16 });

        ShapeTestKit.AssertShapeMismatch(b, "DecoderMaskedSelfAttention_0");
    }

    [Test]
    public void Weights_that_do_not_take_the_input_width_are_rejected()
    {
        var b = Step(new object[] { 1, 1, 64 }, new long[] { 32, 192 }, new object[] { 2, 1, 4, 5, 16 }, ("num_heads", 4L));

        ShapeTestKit.AssertShapeMismatch(b, "DecoderMaskedSelfAttention_0");
    }

    [Test]
    public void A_past_that_is_not_five_dimensional_is_rejected()
    {
        var b = Step(new object[] { 1, 1, 64 }, new long[] { 64, 192 }, new object[] { 1, 4, 5, 16 }, ("num_heads", 4L));

        ShapeTestKit.AssertShapeMismatch(b, "DecoderMaskedSelfAttention_0");
    }

    [Test]
    public void A_missing_past_is_rejected()
    {
        var b = new Builder().Opset(Contrib, 1);
        var inputs = new[] { b.Input("input", ElementType.Float, 1, 1, 64), b.Weight("weights", 64, 192), b.Weight("bias", 192) };
        b.NodeIn(Contrib, "DecoderMaskedSelfAttention", inputs, new[] { "y", "present" }, ("num_heads", 4L));

        ShapeTestKit.AssertShapeMismatch(b, "DecoderMaskedSelfAttention_0");
    }

    private static Builder Step(object[] input, long[] weights, object[] past, params (string Name, object Value)[] attributes)
    {
        var b = new Builder().Opset(Contrib, 1);
        var inputs = new[]
        {
            b.Input("input", ElementType.Float, input), b.Weight("weights", weights), b.Weight("bias", weights[1]), "",
            b.Input("past", ElementType.Float, past),
        };
        b.NodeIn(Contrib, "DecoderMaskedSelfAttention", inputs, new[] { "y", "present" }, attributes);
        return b;
    }
}
