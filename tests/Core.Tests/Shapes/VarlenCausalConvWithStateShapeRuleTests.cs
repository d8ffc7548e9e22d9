using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>VarlenCausalConvWithState shapes, as ONNX Runtime's contrib operator documentation gives them: 7 packed tokens of 8 channels.</summary>
public sealed class VarlenCausalConvWithStateShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Output_final_state_and_state_update_per_sequence()
    {
        var b = new Builder().Opset(Contrib, 1);
        Conv(b, b.Input("x", ElementType.Float16, "tokens", 8), b.Input("state", ElementType.Float16, 3, 8, 6), b.Input("capture", ElementType.Int32, 3),
            ("dilation", 2L), ("state_update_capacity", 2L));

        var types = b.Infer("tokens=7");

        // Batch 4 − 1 = 3 from the cumulative lengths; state (4 − 1) · 2 = 6 positions.
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[7x8]"));
            Assert.That(types.Element("y"), Is.EqualTo(ElementType.Float16));
            Assert.That(types.Shape("final_state"), Is.EqualTo("[3x8x6]"));
            Assert.That(types.Element("final_state"), Is.EqualTo(ElementType.Float16));
            Assert.That(types.Shape("state_update"), Is.EqualTo("[3x2x8]"));
        });
    }

    [Test]
    public void The_input_must_be_tokens_by_the_weight_channels()
    {
        var b = new Builder().Opset(Contrib, 1);
        Conv(b, b.Input("x", ElementType.Float, 7, 6), b.Input("state", ElementType.Float, 3, 8, 3), "");

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("is not (tokens, channels) with the weight's 8 channels"));
    }

    [Test]
    public void The_input_must_be_packed_tokens()
    {
        var b = new Builder().Opset(Contrib, 1);
        Conv(b, b.Input("x", ElementType.Float, 1, 7, 8), b.Input("state", ElementType.Float, 3, 8, 3), "");

        ShapeTestKit.AssertShapeMismatch(b, "VarlenCausalConvWithState_0");
    }

    [Test]
    public void The_initial_state_is_required()
    {
        var b = new Builder().Opset(Contrib, 1);
        Conv(b, b.Input("x", ElementType.Float, 7, 8), "", "");

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("initial_state is required"));
    }

    [Test]
    public void A_capacity_needs_capture_count()
    {
        var b = new Builder().Opset(Contrib, 1);
        Conv(b, b.Input("x", ElementType.Float, 7, 8), b.Input("state", ElementType.Float, 3, 8, 3), "", ("state_update_capacity", 2L));

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("capture_count exactly when state_update_capacity (2) is positive"));
    }

    [Test]
    public void The_initial_state_must_hold_the_dilated_receptive_field()
    {
        var b = new Builder().Opset(Contrib, 1);
        Conv(b, b.Input("x", ElementType.Float, 7, 8), b.Input("state", ElementType.Float, 3, 8, 3), "", ("dilation", 2L));

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("is not the state [3x8x6]"));
    }

    [TestCase("dilation", 0L)]
    [TestCase("state_update_capacity", 9L)]
    public void Out_of_range_attributes_are_rejected(string attribute, long value)
    {
        var b = new Builder().Opset(Contrib, 1);
        Conv(b, b.Input("x", ElementType.Float, 7, 8), b.Input("state", ElementType.Float, 3, 8, 3), "", (attribute, value));

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("out of range"));
    }

    /// <summary>The convolution of a (8, 1, 4) weight over 3 sequences (cumulative lengths (4)), without bias.</summary>
    private static void Conv(Builder b, string x, string state, string capture, params (string, object)[] attributes) =>
        b.NodeIn(Contrib, "VarlenCausalConvWithState", new[] { x, b.Weight("w", 8, 1, 4), b.Input("cu_seqlens", ElementType.Int32, 4), "", state, capture },
            new[] { "y", "final_state", "state_update" }, attributes);
}
