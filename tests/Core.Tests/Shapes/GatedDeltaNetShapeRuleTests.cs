using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>GatedDeltaNet shapes, as ONNX Runtime's contrib operator documentation gives them.</summary>
public sealed class GatedDeltaNetShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Packed_tokens_take_the_batch_from_the_initial_state()
    {
        var b = new Builder().Opset(Contrib, 1);
        Net(b, new object[] { "tokens" }, "", b.Input("state", ElementType.Float, "batch", 4, 6, 8), ("state_update_capacity", 2L));

        var types = b.Infer("tokens=5", "batch=3");

        // State update: 2 · (4 + 2·8 + 4·6) = 88 per request.
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[5x4x6]"));
            Assert.That(types.Element("y"), Is.EqualTo(ElementType.Float16));
            Assert.That(types.Shape("final_state"), Is.EqualTo("[3x4x6x8]"));
            Assert.That(types.Element("final_state"), Is.EqualTo(ElementType.Float));
            Assert.That(types.Shape("state_update"), Is.EqualTo("[3x88]"));
        });
    }

    [Test]
    public void Ragged_packing_takes_the_batch_from_cu_seqlens()
    {
        var b = new Builder().Opset(Contrib, 1);
        Net(b, new object[] { 7 }, b.Input("cu_seqlens", ElementType.Int32, 3), "");

        var types = b.Infer();

        Assert.That(types.Shape("final_state"), Is.EqualTo("[2x4x6x8]"));
    }

    [Test]
    public void A_batch_and_sequence_spelling_keeps_both_axes()
    {
        var b = new Builder().Opset(Contrib, 1);
        Net(b, new object[] { 2, 3 }, "", "");

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[2x3x4x6]"));
            Assert.That(types.Shape("final_state"), Is.EqualTo("[2x4x6x8]"));
        });
    }

    [Test]
    public void Packed_tokens_without_lengths_need_the_initial_state()
    {
        var b = new Builder().Opset(Contrib, 1);
        Net(b, new object[] { 5 }, "", "");

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("initial_state (B, Hv, Dv, Dk) is required"));
    }

    [Test]
    public void Value_heads_must_be_a_multiple_of_the_query_heads()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "GatedDeltaNet", new[] { b.Input("q", ElementType.Float, 5, 3, 8), b.Input("k", ElementType.Float, 5, 3, 8), b.Input("v", ElementType.Float, 5, 4, 6) },
            new[] { "y" });

        ShapeTestKit.AssertShapeMismatch(b, "GatedDeltaNet_0");
    }

    [Test]
    public void Query_key_and_value_must_share_their_rank()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "GatedDeltaNet", new[] { b.Input("q", ElementType.Float, 5, 16), b.Input("k", ElementType.Float, 5, 16), b.Input("v", ElementType.Float, 5, 24) },
            new[] { "y" });

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("must all be (tokens, heads, head size)"));
    }

    [Test]
    public void An_unknown_update_rule_is_rejected()
    {
        var b = new Builder().Opset(Contrib, 1);
        Net(b, new object[] { 2, 3 }, "", "", ("update_rule", "mamba"));

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("update_rule 'mamba'"));
    }

    private static void Net(Builder b, object[] tokens, string lengths, string state, params (string, object)[] attributes)
    {
        string Input(string name, long heads, long size) => b.Input(name, ElementType.Float16, tokens.Append(heads).Append(size).ToArray());
        b.NodeIn(Contrib, "GatedDeltaNet", new[] { Input("q", 2, 8), Input("k", 2, 8), Input("v", 4, 6), lengths, "", "", state },
            new[] { "y", "final_state", "state_update" }, attributes);
    }
}
