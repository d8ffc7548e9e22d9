using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>
/// LinearAttention and LinearAttentionGate against ONNX Runtime's contrib operator documentation: query (B, T, Hq·Dk),
/// key (B, T, Hkv·Dk), value (B, T, Hkv·Dv), decay and beta (B, T, Hkv); the gate's a and b (B, T, H).
/// </summary>
public sealed class LinearAttentionCostTests
{
    private const string Contrib = "com.microsoft";
    private const long B = 2, T = 3, Hkv = 2, Dk = 8, Dv = 6;

    [Test]
    public void Gated_delta_rule_updates_each_key_value_state_and_reads_it_out_per_query_head()
    {
        var report = Analyze(heads: 4, ("update_rule", "gated_delta"));

        // Tokens 2·3 = 6, state 8·6 = 48. MACs per token: update and retrieval 2 states · 2 · 48 = 192, read-out
        // 4 query heads · 48 = 192; 6·384 = 2304. FLOPs: 2·2304 = 4608; per token the decay of 2 states 2·48 = 96,
        // v − retrieval and beta 2·2·6 = 24, the output scale 4·6 = 24, 6·144 = 864; the exp of 12 decays. 5484.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(2304));
            Assert.That(report.Count("flops"), Is.EqualTo(5484));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    [Test]
    public void Inverse_grouping_reads_out_once_per_key_value_head()
    {
        var report = Analyze(heads: 1, ("update_rule", "linear"));

        // MACs: 6 tokens · 48 · (2 updates + max(1, 2) read-outs) = 1152. FLOPs: 2304 and the output scale 6·2·6 = 72.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(1152));
            Assert.That(report.Count("flops"), Is.EqualTo(2376));
        });
    }

    [Test]
    public void The_gate_counts_softplus_decay_and_sigmoid_beta_per_element()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var inputs = new[]
        {
            builder.Input("a", ElementType.Float, B, T, 4), builder.Weight("dt_bias", 4), builder.Weight("decay_scale", 4),
            builder.Input("b", ElementType.Float, B, T, 4),
        };
        var decay = builder.Declare(builder.NodeIn(Contrib, "LinearAttentionGate", inputs, new[] { "decay", "beta" }), ElementType.Float, B, T, 4);

        var report = builder.Analyze(decay);

        // a and b 2·3·4 = 24 elements each: decay 5·24 = 120 (add, softplus 3, multiply), beta 4·24 = 96.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(216));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    private static StaticReport Analyze(long heads, params (string, object)[] attributes)
    {
        var builder = new Builder().Opset(Contrib, 1);
        var inputs = new[]
        {
            builder.Input("query", ElementType.Float, B, T, heads * Dk), builder.Input("key", ElementType.Float, B, T, Hkv * Dk),
            builder.Input("value", ElementType.Float, B, T, Hkv * Dv), builder.Input("past_state", ElementType.Float, B, Hkv, Dk, Dv),
            builder.Input("decay", ElementType.Float, B, T, Hkv), builder.Input("beta", ElementType.Float, B, T, Hkv),
        };
        var all = new (string, object)[] { ("q_num_heads", heads), ("kv_num_heads", Hkv) }.Concat(attributes).ToArray();
        var y = builder.Declare(builder.NodeIn(Contrib, "LinearAttention", inputs, new[] { "y", "present_state" }, all),
            ElementType.Float, B, T, Math.Max(heads, Hkv) * Dv);
        return builder.Analyze(y);
    }
}
