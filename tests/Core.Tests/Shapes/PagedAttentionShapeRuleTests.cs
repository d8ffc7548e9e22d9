using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>PagedAttention shapes, as ONNX Runtime's contrib operator documentation gives them: 7 packed tokens of 2 sequences.</summary>
public sealed class PagedAttentionShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Output_has_the_query_heads_and_the_caches_alias_their_inputs()
    {
        var b = new Builder().Opset(Contrib, 1);
        var (key, value) = (b.Input("k", ElementType.Float16, 7, 16), b.Input("v", ElementType.Float16, 7, 16));
        Paged(b, b.Input("q", ElementType.Float16, 7, 32), key, value, Cache(b, "key_cache", 2, 8), Cache(b, "value_cache", 2, 8));

        var types = b.Infer();

        // 4 heads of 32 / 4 = 8.
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[7x32]"));
            Assert.That(types.Element("y"), Is.EqualTo(ElementType.Float16));
            Assert.That(types.Shape("key_cache_out"), Is.EqualTo("[10x4x2x8]"));
            Assert.That(types.Shape("value_cache_out"), Is.EqualTo("[10x4x2x8]"));
        });
    }

    [Test]
    public void Packed_qkv_with_int4_caches_halves_the_cache_head()
    {
        var b = new Builder().Opset(Contrib, 1);
        var (keyCache, valueCache) = (b.Input("key_cache", ElementType.UInt8, 10, 4, 2, 4), b.Input("value_cache", ElementType.UInt8, 10, 4, 2, 4));
        Paged(b, b.Input("qkv", ElementType.Float16, 7, 64), "", "", keyCache, valueCache, ("k_cache_dtype", "int4"), ("v_cache_dtype", "int4"));

        var types = b.Infer();

        // (4 + 2·2) heads of 8 in 64; the caches hold (8 + 1) / 2 = 4 bytes per head.
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[7x32]"));
            Assert.That(types.Element("key_cache_out"), Is.EqualTo(ElementType.UInt8));
            Assert.That(types.Shape("value_cache_out"), Is.EqualTo("[10x4x2x4]"));
        });
    }

    [Test]
    public void The_latent_layout_outputs_the_narrower_value_head()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "PagedAttention", Inputs(b, b.Input("q", ElementType.Float16, 7, 48), b.Input("k", ElementType.Float16, 7, 12), "", Cache(b, "latent", 1, 12), ""),
            new[] { "y", "key_cache_out" }, ("num_heads", 4L), ("kv_num_heads", 1L), ("kv_cache_layout", "LATENT"), ("v_head_size", 8L), ("scale", 0.1f));

        var types = b.Infer();

        // Heads of 48 / 4 = 12; output 4 · 8.
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[7x32]"));
            Assert.That(types.Shape("key_cache_out"), Is.EqualTo("[10x4x1x12]"));
        });
    }

    [Test]
    public void The_query_must_be_2_d()
    {
        var b = new Builder().Opset(Contrib, 1);
        Paged(b, b.Input("q", ElementType.Float16, 1, 7, 32), b.Input("k", ElementType.Float16, 7, 16), b.Input("v", ElementType.Float16, 7, 16),
            Cache(b, "key_cache", 2, 8), Cache(b, "value_cache", 2, 8));

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("is not (tokens, hidden)"));
    }

    [Test]
    public void Num_heads_is_required()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "PagedAttention", Inputs(b, b.Input("qkv", ElementType.Float16, 7, 64), "", "", Cache(b, "key_cache", 2, 8), Cache(b, "value_cache", 2, 8)),
            new[] { "y" }, ("kv_num_heads", 2L));

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("num_heads must be a positive integer"));
    }

    [Test]
    public void The_latent_layout_rejects_a_value_cache()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "PagedAttention", Inputs(b, b.Input("q", ElementType.Float16, 7, 48), "", "", Cache(b, "latent", 1, 12), Cache(b, "value_cache", 1, 12)),
            new[] { "y" }, ("num_heads", 4L), ("kv_num_heads", 1L), ("kv_cache_layout", "LATENT"));

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("the LATENT layout takes kv_num_heads 1"));
    }

    [Test]
    public void A_value_head_size_needs_the_latent_layout()
    {
        var b = new Builder().Opset(Contrib, 1);
        Paged(b, b.Input("qkv", ElementType.Float16, 7, 64), "", "", Cache(b, "key_cache", 2, 8), Cache(b, "value_cache", 2, 8), ("v_head_size", 4L));

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("v_head_size 4 is valid only with the LATENT layout"));
    }

    [Test]
    public void The_caches_must_hold_the_key_value_heads()
    {
        var b = new Builder().Opset(Contrib, 1);
        Paged(b, b.Input("qkv", ElementType.Float16, 7, 64), "", "", Cache(b, "key_cache", 3, 8), Cache(b, "value_cache", 3, 8));

        ShapeTestKit.AssertShapeMismatch(b, "PagedAttention_0");
    }

    [Test]
    public void The_block_table_needs_a_row_per_sequence()
    {
        var b = new Builder().Opset(Contrib, 1);
        var inputs = Inputs(b, b.Input("qkv", ElementType.Float16, 7, 64), "", "", Cache(b, "key_cache", 2, 8), Cache(b, "value_cache", 2, 8));
        inputs[7] = b.Input("three_rows", ElementType.Int32, 3, 5);
        b.NodeIn(Contrib, "PagedAttention", inputs, new[] { "y" }, ("num_heads", 4L), ("kv_num_heads", 2L));

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("must be (batch + 1)"));
    }

    private static string Cache(Builder b, string name, long kvHeads, long headSize) => b.Input(name, ElementType.Float16, 10, 4, kvHeads, headSize);

    private static void Paged(Builder b, string query, string key, string value, string keyCache, string valueCache, params (string, object)[] extra) =>
        b.NodeIn(Contrib, "PagedAttention", Inputs(b, query, key, value, keyCache, valueCache), new[] { "y", "key_cache_out", "value_cache_out" },
            new (string, object)[] { ("num_heads", 4L), ("kv_num_heads", 2L) }.Concat(extra).ToArray());

    /// <summary>The eight required-position inputs: Q, K, V, caches, cumulative lengths (3), past lengths (2), block table (2, 5).</summary>
    private static string[] Inputs(Builder b, string query, string key, string value, string keyCache, string valueCache) => new[]
    {
        query, key, value, keyCache, valueCache, b.Input("cu_seqlens", ElementType.Int32, 3), b.Input("past_seqlens", ElementType.Int32, 2),
        b.Input("block_table", ElementType.Int32, 2, 5),
    };
}
