using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>com.microsoft DynamicQuantizeLSTM against ONNX Runtime's contrib operator documentation: W [D, I, 4H], R [D, H, 4H].</summary>
public sealed class DynamicQuantizeLstmShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Bidirectional_layer_gives_the_lstm_outputs()
    {
        var b = Lstm(new long[] { 7, 2, 5 }, new long[] { 2, 5, 16 }, new long[] { 2, 4, 16 }, ("hidden_size", 4L), ("direction", "bidirectional"));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[7x2x2x4]"));
            Assert.That(types.Shape("y_h"), Is.EqualTo("[2x2x4]"));
            Assert.That(types.Shape("y_c"), Is.EqualTo("[2x2x4]"));
            Assert.That(types.Element("y"), Is.EqualTo(ElementType.Float));
        });
    }

    [Test]
    public void Hidden_size_is_read_from_r_when_the_attribute_is_absent()
    {
        var b = Lstm(new long[] { 3, 1, 6 }, new long[] { 1, 6, 20 }, new long[] { 1, 5, 20 });

        Assert.That(b.Infer().Shape("y"), Is.EqualTo("[3x1x1x5]"));
    }

    [Test]
    public void Two_dimensional_input_is_rejected()
    {
        var b = Lstm(new long[] { 3, 6 }, new long[] { 1, 6, 20 }, new long[] { 1, 5, 20 });

        ShapeTestKit.AssertShapeMismatch(b, "DynamicQuantizeLSTM_0");
    }

    [Test]
    public void Weights_in_the_onnx_lstm_layout_are_rejected()
    {
        // ONNX LSTM's W is [D, 4H, I]; the quantized operator's is [D, I, 4H].
        var b = Lstm(new long[] { 3, 1, 6 }, new long[] { 1, 20, 6 }, new long[] { 1, 5, 20 });

        ShapeTestKit.AssertShapeMismatch(b, "DynamicQuantizeLSTM_0");
    }

    [Test]
    public void Hidden_size_that_r_does_not_have_is_rejected()
    {
        var b = Lstm(new long[] { 3, 1, 6 }, new long[] { 1, 6, 20 }, new long[] { 1, 5, 20 }, ("hidden_size", 4L));

        ShapeTestKit.AssertShapeMismatch(b, "DynamicQuantizeLSTM_0");
    }

    [Test]
    public void Direction_count_that_w_does_not_have_is_rejected()
    {
        var b = Lstm(new long[] { 3, 1, 6 }, new long[] { 1, 6, 20 }, new long[] { 1, 5, 20 }, ("direction", "bidirectional"));

        ShapeTestKit.AssertShapeMismatch(b, "DynamicQuantizeLSTM_0");
    }

    private static Builder Lstm(long[] x, long[] w, long[] r, params (string Name, object Value)[] attributes)
    {
        var b = new Builder().Opset(Contrib, 1);
        var inputs = new[] { b.Input("x", ElementType.Float, x.Cast<object>().ToArray()), b.Initializer("w", ElementType.Int8, w), b.Initializer("r", ElementType.Int8, r) };
        b.NodeIn(Contrib, "DynamicQuantizeLSTM", inputs, new[] { "y", "y_h", "y_c" }, attributes);
        return b;
    }
}
