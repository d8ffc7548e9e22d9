using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>MatMulNBits, GroupQueryAttention and RotaryEmbedding shapes, as ONNX Runtime's contrib operator documentation gives them.</summary>
public sealed class QuantizedDecoderShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Matmul_n_bits_replaces_k_by_n()
    {
        var b = new Builder().Opset(Contrib, 1);
        var a = b.Input("a", ElementType.Float, "batch", "seq", 64);
        b.NodeIn(Contrib, "MatMulNBits", new[] { a, b.Initializer("w", ElementType.UInt8, new long[] { 24, 2, 16 }), b.Weight("s", 48) }, new[] { "y" },
            ("K", 64L), ("N", 24L), ("bits", 4L), ("block_size", 32L));

        var types = b.Infer("batch=2", "seq=7");

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[2x7x24]"));
            Assert.That(types.Element("y"), Is.EqualTo(ElementType.Float));
        });
    }

    [TestCase(false, "[2x7x32]", "[2x2x12x8]")]
    [TestCase(true, "[2x7x32]", "[2x2x12x8]")]
    public void Group_query_attention_appends_the_new_keys_to_the_cache(bool packed, string output, string present)
    {
        var b = new Builder().Opset(Contrib, 1);
        var query = b.Input("query", ElementType.Float, "batch", "seq", packed ? 64 : 32);
        var key = packed ? "" : b.Input("key", ElementType.Float, "batch", "seq", 16);
        var value = packed ? "" : b.Input("value", ElementType.Float, "batch", "seq", 16);
        var pastKey = b.Input("past_key", ElementType.Float, "batch", 2, "past", 8);
        var pastValue = b.Input("past_value", ElementType.Float, "batch", 2, "past", 8);
        b.NodeIn(Contrib, "GroupQueryAttention", new[] { query, key, value, pastKey, pastValue, b.Input("seqlens_k", ElementType.Int32, "batch"), b.Input("total", ElementType.Int32) },
            new[] { "y", "present_key", "present_value" }, ("num_heads", 4L), ("kv_num_heads", 2L));
        b.NodeIn(Contrib, "RotaryEmbedding", new[] { "y", b.Input("positions", ElementType.Int64, "batch", "seq"), b.Weight("cos", 16, 4), b.Weight("sin", 16, 4) },
            new[] { "rotated" }, ("num_heads", 4L));

        var types = b.Infer("batch=2", "seq=7", "past=5");

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo(output));
            Assert.That(types.Shape("present_key"), Is.EqualTo(present));
            Assert.That(types.Shape("present_value"), Is.EqualTo(present));
            Assert.That(types.Shape("rotated"), Is.EqualTo(output));
        });
    }

    [Test]
    public void Query_heads_must_group_evenly_into_key_value_heads()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "GroupQueryAttention", new[] { b.Input("query", ElementType.Float, 1, 1, 24), b.Input("key", ElementType.Float, 1, 1, 16), b.Input("value", ElementType.Float, 1, 1, 16) },
            new[] { "y" }, ("num_heads", 3L), ("kv_num_heads", 2L));

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("3 query heads do not group into 2 key/value heads"));
    }
}
