using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>LinearAttention and LinearAttentionGate shapes, as ONNX Runtime's contrib operator documentation gives them.</summary>
public sealed class LinearAttentionShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Query_heads_read_the_grouped_key_value_states()
    {
        var b = new Builder().Opset(Contrib, 1);
        Attention(b, heads: 4, kvHeads: 2, past: "");

        var types = b.Infer();

        // Dk = 32 / 4 = 16 / 2 = 8, Dv = 12 / 2 = 6; output max(4, 2) · 6 = 24.
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[2x3x24]"));
            Assert.That(types.Element("y"), Is.EqualTo(ElementType.Float16));
            Assert.That(types.Shape("present_state"), Is.EqualTo("[2x2x8x6]"));
            Assert.That(types.Element("present_state"), Is.EqualTo(ElementType.Float16));
        });
    }

    [Test]
    public void Inverse_grouping_outputs_one_head_per_state_and_a_window_leads_the_state()
    {
        var b = new Builder().Opset(Contrib, 1);
        Attention(b, heads: 1, kvHeads: 2, past: b.Input("past", ElementType.Float, 3, 2, 2, 8, 6), ("state_window", 3L));

        var types = b.Infer();

        // Query 8 = 1 head of 8; output max(1, 2) · 6 = 12; the state keeps the past state's float type.
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[2x3x12]"));
            Assert.That(types.Shape("present_state"), Is.EqualTo("[3x2x2x8x6]"));
            Assert.That(types.Element("present_state"), Is.EqualTo(ElementType.Float));
        });
    }

    [Test]
    public void Heads_must_be_packed_in_3_d_inputs()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "LinearAttention", new[] { b.Input("q", ElementType.Float, 6, 32), b.Input("k", ElementType.Float, 6, 16), b.Input("v", ElementType.Float, 6, 12) },
            new[] { "y", "present_state" }, ("q_num_heads", 4L), ("kv_num_heads", 2L), ("update_rule", "linear"));

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("must all be (batch, sequence, heads · head size)"));
    }

    [Test]
    public void The_head_counts_are_required()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "LinearAttention", Packed(b, 32, 16), new[] { "y", "present_state" }, ("kv_num_heads", 2L), ("update_rule", "linear"));

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("q_num_heads must be a positive integer"));
    }

    [Test]
    public void Heads_that_do_not_group_are_rejected()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "LinearAttention", Packed(b, 24, 16), new[] { "y", "present_state" }, ("q_num_heads", 3L), ("kv_num_heads", 2L), ("update_rule", "linear"));

        ShapeTestKit.AssertShapeMismatch(b, "LinearAttention_0");
    }

    [Test]
    public void Query_and_key_head_sizes_must_agree()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "LinearAttention", Packed(b, 32, 20), new[] { "y", "present_state" }, ("q_num_heads", 4L), ("kv_num_heads", 2L), ("update_rule", "linear"));

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("differ in batch, sequence or key head size"));
    }

    [Test]
    public void Gated_rules_need_the_decay_input()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "LinearAttention", Packed(b, 32, 16), new[] { "y", "present_state" }, ("q_num_heads", 4L), ("kv_num_heads", 2L), ("update_rule", "gated"));

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("update_rule 'gated' needs the decay input"));
    }

    [Test]
    public void A_past_state_of_another_shape_is_rejected()
    {
        var b = new Builder().Opset(Contrib, 1);
        Attention(b, heads: 4, kvHeads: 2, past: b.Input("past", ElementType.Float, 2, 2, 6, 8));

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("is not the state [2x2x8x6]"));
    }

    [Test]
    public void A_window_beyond_8_is_rejected()
    {
        var b = new Builder().Opset(Contrib, 1);
        Attention(b, heads: 4, kvHeads: 2, past: "", ("state_window", 9L));

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("state_window 9 is out of range"));
    }

    [Test]
    public void The_gate_gives_decay_and_beta_of_the_projection_shape()
    {
        var b = new Builder().Opset(Contrib, 1);
        Gate(b, 4, b.Input("b", ElementType.Float16, 2, 3, 4), "decay", "beta");

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("decay"), Is.EqualTo("[2x3x4]"));
            Assert.That(types.Element("decay"), Is.EqualTo(ElementType.Float16));
            Assert.That(types.Shape("beta"), Is.EqualTo("[2x3x4]"));
        });
    }

    [Test]
    public void The_gate_parameters_must_have_one_element_per_head()
    {
        var b = new Builder().Opset(Contrib, 1);
        Gate(b, 5, "", "decay");

        ShapeTestKit.AssertShapeMismatch(b, "LinearAttentionGate_0");
    }

    [Test]
    public void The_beta_output_requires_b()
    {
        var b = new Builder().Opset(Contrib, 1);
        Gate(b, 4, "", "decay", "beta");

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("the beta output requires the b input"));
    }

    /// <summary>LinearAttention of (2, 3, ·) inputs, value 12 wide, with decay and beta (2, 3, kvHeads).</summary>
    private static void Attention(Builder b, long heads, long kvHeads, string past, params (string, object)[] extra)
    {
        var inputs = Packed(b, heads * 8, kvHeads * 8).Concat(new[]
        {
            past, b.Input("decay", ElementType.Float16, 2, 3, kvHeads), b.Input("beta", ElementType.Float16, 2, 3, kvHeads),
        }).ToArray();
        var attributes = new (string, object)[] { ("q_num_heads", heads), ("kv_num_heads", kvHeads) }.Concat(extra).ToArray();
        b.NodeIn(Contrib, "LinearAttention", inputs, new[] { "y", "present_state" }, attributes);
    }

    private static string[] Packed(Builder b, long queryWidth, long keyWidth) => new[]
    {
        b.Input("q", ElementType.Float16, 2, 3, queryWidth), b.Input("k", ElementType.Float16, 2, 3, keyWidth), b.Input("v", ElementType.Float16, 2, 3, 12),
    };

    private static void Gate(Builder b, long heads, string projection, params string[] outputs) =>
        b.NodeIn(Contrib, "LinearAttentionGate",
            new[] { b.Input("a", ElementType.Float16, 2, 3, 4), b.Weight("dt_bias", heads), b.Weight("decay_scale", heads), projection }, outputs);
}
