using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>
/// GatedDeltaNet against ONNX Runtime's contrib operator documentation: query and key (T, Hq, Dk), value (T, Hv, Dv),
/// decay and beta (T, Hv), state (B, Hv, Dv, Dk).
/// </summary>
public sealed class GatedDeltaNetCostTests
{
    private const string Contrib = "com.microsoft";
    private const long T = 4, Hq = 2, Hv = 4, Dk = 8, Dv = 6;

    [Test]
    public void Gated_delta_rule_retrieves_updates_and_reads_the_state_per_token_and_head()
    {
        var report = Analyze(("update_rule", "gated_delta"));

        // Token-heads 4·4 = 16, state 8·6 = 48. MACs: retrieval, update and output 16·3·48 = 2304. FLOPs: 2·2304 = 4608;
        // decaying S 16·48 = 768 and the exp of 16 decays; v − retrieval and beta 16·2·6 = 192; output scale 16·6 = 96.
        // Total 5680.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(2304));
            Assert.That(report.Count("flops"), Is.EqualTo(5680));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    [Test]
    public void Linear_rule_with_l2_normalized_query_and_key()
    {
        var report = Analyze(("update_rule", "linear"), ("qk_l2_norm", 1L));

        // MACs: update and output 16·2·48 = 1536. FLOPs: 3072, the output scale 96, the L2 norm 3 per element of
        // query and key, 3·(64 + 64) = 384. Total 3552.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(1536));
            Assert.That(report.Count("flops"), Is.EqualTo(3552));
        });
    }

    private static StaticReport Analyze(params (string, object)[] attributes)
    {
        var builder = new Builder().Opset(Contrib, 1);
        var inputs = new[]
        {
            builder.Input("query", ElementType.Float, T, Hq, Dk), builder.Input("key", ElementType.Float, T, Hq, Dk),
            builder.Input("value", ElementType.Float, T, Hv, Dv), "", builder.Input("decay", ElementType.Float, T, Hv),
            builder.Input("beta", ElementType.Float, T, Hv), builder.Input("initial_state", ElementType.Float, 1, Hv, Dv, Dk),
        };
        var y = builder.Declare(builder.NodeIn(Contrib, "GatedDeltaNet", inputs, new[] { "y", "final_state" }, attributes), ElementType.Float, T, Hv, Dv);
        return builder.Analyze(y);
    }
}
