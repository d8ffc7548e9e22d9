using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class AttentionShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Packed_weights_split_in_three_and_present_grows_by_the_past()
    {
        var b = new Builder().Opset(Contrib, 1);
        var x = b.Input("x", ElementType.Float, 2, 5, 16);
        var past = b.Input("past", ElementType.Float, 2, 2, 4, 3, 4);
        b.NodeIn(Contrib, "Attention", new[] { x, b.Weight("w", 16, 48), b.Weight("b", 48), "", past }, new[] { "y", "present" },
            ("num_heads", 4L));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[2x5x16]"));
            Assert.That(types.Shape("present"), Is.EqualTo("[2x2x4x8x4]"));
        });
    }

    [Test]
    public void Qkv_hidden_sizes_give_the_value_width()
    {
        var b = new Builder().Opset(Contrib, 1);
        var x = b.Input("x", ElementType.Float, 1, 7, 12);
        b.NodeIn(Contrib, "Attention", new[] { x, b.Weight("w", 12, 40) }, new[] { "y" },
            ("num_heads", 2L), ("qkv_hidden_sizes", new long[] { 16, 16, 8 }));

        Assert.That(b.Infer().Shape("y"), Is.EqualTo("[1x7x8]"));
    }

    [Test]
    public void Qkv_hidden_sizes_that_do_not_add_up_are_rejected()
    {
        var b = new Builder().Opset(Contrib, 1);
        var x = b.Input("x", ElementType.Float, 1, 7, 12);
        b.NodeIn(Contrib, "Attention", new[] { x, b.Weight("w", 12, 36) }, new[] { "y" },
            ("num_heads", 2L), ("qkv_hidden_sizes", new long[] { 16, 16, 8 }));

        ShapeTestKit.AssertShapeMismatch(b, "Attention_0");
    }
}
