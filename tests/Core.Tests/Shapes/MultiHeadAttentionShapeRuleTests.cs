using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class MultiHeadAttentionShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Separate_query_key_value_with_a_past()
    {
        var b = new Builder().Opset(Contrib, 1);
        var q = b.Input("q", ElementType.Float, 2, 3, 16);
        var k = b.Input("k", ElementType.Float, 2, 5, 16);
        var v = b.Input("v", ElementType.Float, 2, 5, 8);
        var pastKey = b.Input("pk", ElementType.Float, 2, 4, 6, 4);
        var pastValue = b.Input("pv", ElementType.Float, 2, 4, 6, 2);
        b.NodeIn(Contrib, "MultiHeadAttention", new[] { q, k, v, "", "", "", pastKey, pastValue }, new[] { "y", "key", "value", "qk" },
            ("num_heads", 4L));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[2x3x8]"));
            Assert.That(types.Shape("key"), Is.EqualTo("[2x4x11x4]"));
            Assert.That(types.Shape("value"), Is.EqualTo("[2x4x11x2]"));
            Assert.That(types.Shape("qk"), Is.EqualTo("[2x4x3x11]"));
        });
    }

    [Test]
    public void Packed_qkv_and_cached_keys()
    {
        var b = new Builder().Opset(Contrib, 1);
        var packed = b.Input("qkv", ElementType.Float, 1, 6, 2, 3, 8);
        b.NodeIn(Contrib, "MultiHeadAttention", new[] { packed }, new[] { "y" }, ("num_heads", 2L));
        var q = b.Input("q", ElementType.Float, 1, 1, 16);
        var k = b.Input("k", ElementType.Float, 1, 2, 9, 8);
        var v = b.Input("v", ElementType.Float, 1, 2, 9, 8);
        b.NodeIn(Contrib, "MultiHeadAttention", new[] { q, k, v }, new[] { "z", "zk" }, ("num_heads", 2L));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[1x6x16]"));
            Assert.That(types.Shape("z"), Is.EqualTo("[1x1x16]"));
            Assert.That(types.Shape("zk"), Is.EqualTo("[1x2x9x8]"));
        });
    }
}
