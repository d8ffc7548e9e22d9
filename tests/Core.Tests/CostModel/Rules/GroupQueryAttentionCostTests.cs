using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>
/// GroupQueryAttention against ONNX Runtime's contrib operator documentation: query (B, S, N·H), key and
/// value (B, S, G·H) or packed into query, past key/value (B, G, P, H), cos/sin caches (max, rotary/2).
/// </summary>
public sealed class GroupQueryAttentionCostTests
{
    private const string Contrib = "com.microsoft";
    private const long B = 2, S = 3, P = 5, N = 4, G = 2, H = 8;

    [Test]
    public void Grouped_heads_attend_the_past_and_the_new_keys_with_rotary()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var y = Attention(builder, packed: false, rotary: true);

        var report = builder.Analyze(y);

        // Keys P + S = 8; scores B·N·S·8 = 192, each H MACs in Q·Kᵀ and H in weights·V; scale and softmax 6 per
        // score; rotary 3 per rotated element of the B·S·(N + G) heads of H.
        const long scores = B * N * S * (P + S);
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(scores * 2 * H));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * scores * 2 * H) + (6 * scores) + (3 * B * S * (N + G) * H)));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    [Test]
    public void Packed_qkv_and_a_local_window_limit_the_keys()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var y = Attention(builder, packed: true, rotary: false, ("local_window_size", 4L));

        var report = builder.Analyze(y);

        // A window of 4 keeps 4 + 1 of the 8 keys for every query.
        const long scores = B * N * S * 5;
        Assert.That(report.Count("macs"), Is.EqualTo(scores * 2 * H));
    }

    private static string Attention(Builder builder, bool packed, bool rotary, params (string, object)[] extra)
    {
        var query = builder.Input("query", ElementType.Float, B, S, packed ? (N + (2 * G)) * H : N * H);
        var key = packed ? "" : builder.Input("key", ElementType.Float, B, S, G * H);
        var value = packed ? "" : builder.Input("value", ElementType.Float, B, S, G * H);
        var pastKey = builder.Input("past_key", ElementType.Float, B, G, P, H);
        var pastValue = builder.Input("past_value", ElementType.Float, B, G, P, H);
        var seqlens = builder.Input("seqlens_k", ElementType.Int32, B);
        var total = builder.Input("total_sequence_length", ElementType.Int32);
        var cos = rotary ? builder.Input("cos_cache", ElementType.Float, 16, H / 2) : "";
        var sin = rotary ? builder.Input("sin_cache", ElementType.Float, 16, H / 2) : "";
        var attributes = new (string, object)[] { ("num_heads", N), ("kv_num_heads", G), ("do_rotary", rotary ? 1L : 0L) }.Concat(extra).ToArray();
        var output = builder.NodeIn(Contrib, "GroupQueryAttention", new[] { query, key, value, pastKey, pastValue, seqlens, total, cos, sin },
            new[] { "y", "present_key", "present_value" }, attributes);
        builder.Declare("present_key", ElementType.Float, B, G, P + S, H);
        builder.Declare("present_value", ElementType.Float, B, G, P + S, H);
        return builder.Declare(output, ElementType.Float, B, S, N * H);
    }
}
