using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>
/// PagedAttention against ONNX Runtime's contrib operator documentation: query (T, N·H) or packed (T, (N + 2·G)·H),
/// caches (blocks, block size, G, H), block table (B, blocks per sequence). Sequence lengths are run-time values, so
/// each query is counted over the most keys its sequence's blocks can hold.
/// </summary>
public sealed class PagedAttentionCostTests
{
    private const string Contrib = "com.microsoft";
    private const long T = 7, N = 4, G = 2, H = 8;

    [Test]
    public void Each_query_attends_at_most_its_block_table_row_of_cache_blocks()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var y = Paged(builder, builder.Input("q", ElementType.Float, T, N * H), builder.Input("k", ElementType.Float, T, G * H),
            builder.Input("v", ElementType.Float, T, G * H), Array.Empty<string>());

        var report = builder.Analyze(y);

        // Keys per query min(3 blocks per sequence, 10 blocks) · block size 4 = 12; scores 4 heads · 7 · 12 = 336, each
        // 8 + 8 MACs: 5376. FLOPs 2·5376 + scale and softmax 6·336 = 2016: 12768.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(5376));
            Assert.That(report.Count("flops"), Is.EqualTo(12768));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    [Test]
    public void A_window_softcap_rotary_and_qk_norm_on_packed_qkv()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var optional = new[]
        {
            builder.Input("cos_cache", ElementType.Float, 32, H / 2), builder.Input("sin_cache", ElementType.Float, 32, H / 2), "", "",
            builder.Input("q_norm", ElementType.Float, H), builder.Input("k_norm", ElementType.Float, H),
        };
        var y = Paged(builder, builder.Input("qkv", ElementType.Float, T, (N + (2 * G)) * H), "", "", optional,
            ("local_window_size", 5L), ("softcap", 50f), ("do_rotary", 1L));

        var report = builder.Analyze(y);

        // The window keeps 5 + 1 of the 12 keys: scores 4·7·6 = 168, MACs 168·16 = 2688. FLOPs 2·2688 = 5376; per score
        // scale, softmax and softcap 9, 1512; rotary 3 per rotated element of 7 tokens · (4 + 2) heads · 2·4, 1008; the
        // Q and K norms 4 per element of 7 · (4 + 2) · 8, 1344. 9240.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(2688));
            Assert.That(report.Count("flops"), Is.EqualTo(9240));
        });
    }

    [Test]
    public void The_latent_layout_reads_narrower_values_within_the_metadata_bound()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var inputs = new[]
        {
            builder.Input("q", ElementType.Float, T, N * 12), builder.Input("k", ElementType.Float, T, 12), "",
            builder.Input("latent", ElementType.Float, 10, 4, 1, 12), "", builder.Input("cu_seqlens", ElementType.Int32, 3),
            builder.Input("past_seqlens", ElementType.Int32, 2), builder.Input("block_table", ElementType.Int32, 2, 3),
            "", "", "", "", "", "", "", "", builder.Int64s("metadata", 3, 5),
        };
        var y = builder.Declare(builder.NodeIn(Contrib, "PagedAttention", inputs, new[] { "y" },
            ("num_heads", N), ("kv_num_heads", 1L), ("kv_cache_layout", "LATENT"), ("v_head_size", 8L), ("scale", 0.1f)), ElementType.Float, T, N * 8);

        var report = builder.Analyze(y);

        // max_kv_len_bound 5 of the 12 keys: scores 4·7·5 = 140, each 12 + 8 MACs: 2800. FLOPs 5600 + 6·140 = 6440.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(2800));
            Assert.That(report.Count("flops"), Is.EqualTo(6440));
        });
    }

    /// <summary>PagedAttention with 10 cache blocks of 4 and a block table of 2 sequences of 3 blocks, then <paramref name="optional"/> from input 8.</summary>
    private static string Paged(Builder builder, string query, string key, string value, string[] optional, params (string, object)[] extra)
    {
        var inputs = new[]
        {
            query, key, value, builder.Input("key_cache", ElementType.Float, 10, 4, G, H), builder.Input("value_cache", ElementType.Float, 10, 4, G, H),
            builder.Input("cu_seqlens", ElementType.Int32, 3), builder.Input("past_seqlens", ElementType.Int32, 2), builder.Input("block_table", ElementType.Int32, 2, 3),
        }.Concat(optional).ToArray();
        var attributes = new (string, object)[] { ("num_heads", N), ("kv_num_heads", G) }.Concat(extra).ToArray();
        return builder.Declare(builder.NodeIn(Contrib, "PagedAttention", inputs, new[] { "y" }, attributes), ElementType.Float, T, N * H);
    }
}
