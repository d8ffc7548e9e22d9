using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>ONNX Runtime's PackedAttention and PackedMultiHeadAttention over padding-free (tokens, hidden) inputs.</summary>
public sealed class PackedAttentionShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Packed_attention_outputs_the_value_width_per_token()
    {
        var b = new Builder().Opset(Contrib, 1);
        var x = b.Input("x", ElementType.Float, 7, 16);
        var thirds = b.NodeIn(Contrib, "PackedAttention", Inputs(b, x, "a", 48), new[] { "thirds" }, ("num_heads", 4L));
        var sized = b.NodeIn(Contrib, "PackedAttention", Inputs(b, x, "b", 40), new[] { "sized" },
            ("num_heads", 4L), ("qkv_hidden_sizes", new long[] { 16, 16, 8 }));

        var types = b.Infer();

        // 48 columns split in thirds: Dv = 16; qkv_hidden_sizes gives Dv = 8.
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(thirds), Is.EqualTo("[7x16]"));
            Assert.That(types.Shape(sized), Is.EqualTo("[7x8]"));
        });
    }

    [Test]
    public void Packed_multi_head_attention_takes_the_value_width_or_the_packed_heads()
    {
        var b = new Builder().Opset(Contrib, 1);
        var (offsets, lengths) = (b.Input("offsets", ElementType.Int32, 2, 5), b.Input("lengths", ElementType.Int32, 3));
        var separate = b.NodeIn(Contrib, "PackedMultiHeadAttention",
            new[] { b.Input("q", ElementType.Float, 7, 16), b.Input("k", ElementType.Float, 7, 16), b.Input("v", ElementType.Float, 7, 8), "", offsets, lengths },
            new[] { "separate" }, ("num_heads", 4L));
        var packed = b.NodeIn(Contrib, "PackedMultiHeadAttention", new[] { b.Input("qkv", ElementType.Float, 7, 4, 3, 4), "", "", "", offsets, lengths },
            new[] { "packed" }, ("num_heads", 4L));

        var types = b.Infer();

        // Value (7, 8); packed QKV of 4 heads of 4: 16.
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(separate), Is.EqualTo("[7x8]"));
            Assert.That(types.Shape(packed), Is.EqualTo("[7x16]"));
        });
    }

    [Test]
    public void Packed_attention_rejects_a_padded_input()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "PackedAttention", Inputs(b, b.Input("x", ElementType.Float, 2, 7, 16), "a", 48), new[] { "y" }, ("num_heads", 4L));

        ShapeTestKit.AssertShapeMismatch(b, "PackedAttention_0");
    }

    [Test]
    public void Packed_multi_head_attention_rejects_packed_heads_other_than_num_heads()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "PackedMultiHeadAttention",
            new[] { b.Input("qkv", ElementType.Float, 7, 2, 3, 4), "", "", "", b.Input("offsets", ElementType.Int32, 2, 5), b.Input("lengths", ElementType.Int32, 3) },
            new[] { "y" }, ("num_heads", 4L));

        ShapeTestKit.AssertShapeMismatch(b, "PackedMultiHeadAttention_0");
    }

    /// <summary>PackedAttention's inputs: x, weights (16, width), bias (width), token_offset (2, 5), cumulative lengths (3).</summary>
    internal static string[] Inputs(Builder b, string x, string prefix, long width) => new[]
    {
        x, b.Weight($"{prefix}_weights", 16, width), b.Weight($"{prefix}_bias", width),
        b.Input($"{prefix}_offsets", ElementType.Int32, 2, 5), b.Input($"{prefix}_lengths", ElementType.Int32, 3),
    };
}
