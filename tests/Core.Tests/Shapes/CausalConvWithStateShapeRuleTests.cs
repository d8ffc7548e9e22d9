using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>CausalConvWithState shapes, as ONNX Runtime's contrib operator documentation gives them.</summary>
public sealed class CausalConvWithStateShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [TestCase(1L, 0L, "[2x8x3]")]
    [TestCase(2L, 0L, "[2x8x6]")]
    [TestCase(2L, 3L, "[3x2x8x6]")]
    public void The_state_holds_the_dilated_receptive_field(long dilation, long window, string state)
    {
        var b = new Builder().Opset(Contrib, 1);
        Conv(b, b.Input("x", ElementType.Float16, "batch", 8, "seq"), b.Weight("w", 8, 1, 4), ("dilation", dilation), ("state_window", window));

        var types = b.Infer("batch=2", "seq=5");

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[2x8x5]"));
            Assert.That(types.Element("y"), Is.EqualTo(ElementType.Float16));
            Assert.That(types.Shape("present_state"), Is.EqualTo(state));
        });
    }

    [Test]
    public void Channels_last_keeps_the_trailing_channel_axes()
    {
        var b = new Builder().Opset(Contrib, 1);
        Conv(b, b.Input("x", ElementType.Float, 2, 5, 2, 4), b.Weight("w", 8, 1, 4), ("channels_last", 1L));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[2x5x2x4]"));
            Assert.That(types.Shape("present_state"), Is.EqualTo("[2x3x2x4]"));
        });
    }

    [Test]
    public void The_input_rank_must_match_ndim()
    {
        var b = new Builder().Opset(Contrib, 1);
        Conv(b, b.Input("x", ElementType.Float, 2, 8, 5, 5), b.Weight("w", 8, 1, 4));

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("does not have the weight's 8 channels"));
    }

    [Test]
    public void The_input_channels_must_be_those_of_the_weight()
    {
        var b = new Builder().Opset(Contrib, 1);
        Conv(b, b.Input("x", ElementType.Float, 2, 6, 5), b.Weight("w", 8, 1, 4));

        ShapeTestKit.AssertShapeMismatch(b, "CausalConvWithState_0");
    }

    [Test]
    public void The_weight_must_be_depthwise()
    {
        var b = new Builder().Opset(Contrib, 1);
        Conv(b, b.Input("x", ElementType.Float, 2, 8, 5), b.Weight("w", 8, 2, 4));

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("is not a depthwise kernel"));
    }

    [TestCase("dilation", 0L)]
    [TestCase("state_window", 9L)]
    [TestCase("ndim", 4L)]
    public void Out_of_range_attributes_are_rejected(string attribute, long value)
    {
        var b = new Builder().Opset(Contrib, 1);
        Conv(b, b.Input("x", ElementType.Float, 2, 8, 5), b.Weight("w", 8, 1, 4), (attribute, value));

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("out of range"));
    }

    private static void Conv(Builder b, string x, string weight, params (string, object)[] attributes) =>
        b.NodeIn(Contrib, "CausalConvWithState", new[] { x, weight }, new[] { "y", "present_state" }, attributes);
}
