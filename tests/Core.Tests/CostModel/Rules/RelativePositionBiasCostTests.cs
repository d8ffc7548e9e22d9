using EfficiencyMisnomer.Tensors;
using EfficiencyMisnomer.Tests.Shapes;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>RelativePositionBias and GatedRelativePositionBias against ONNX Runtime's contrib operator documentation.</summary>
public sealed class RelativePositionBiasCostTests
{
    private const string Contrib = "com.microsoft";

    [TestCase(0L, 12L)]
    [TestCase(1L, 14L)]
    public void Relative_position_bias_buckets_each_query_key_pair_once_and_looks_the_bias_up(long bidirectional, long perPair)
    {
        var builder = new Builder().Opset(Contrib, 1);
        var y = builder.NodeIn(Contrib, "RelativePositionBias", new[] { builder.Weight("table", 32, 8), builder.Scalar("q", 5), builder.Scalar("k", 7) },
            new[] { "y" }, ("max_distance", 128L), ("is_bidirectional", bidirectional));

        var report = builder.Analyze(y);

        // 5·7 = 35 pairs, bucketed for all 8 heads at once; the table (32 buckets × 8 heads) is a lookup table.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.Zero);
            Assert.That(report.Count("flops"), Is.EqualTo(35 * perPair));
            Assert.That(report.Count("params"), Is.EqualTo(256));
            Assert.That(report.Count("embedding_params"), Is.EqualTo(256));
        });
    }

    [Test]
    public void Gated_relative_position_bias_projects_each_head_of_each_query_row_to_its_gates()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var inputs = RelativePositionBiasShapeRuleTests.Inputs(builder, builder.Input("q", ElementType.Float, 2, 5, 16));
        var y = builder.NodeIn(Contrib, "GatedRelativePositionBias", inputs, new[] { "y" }, ("num_heads", 4L));

        var report = builder.Analyze(y);

        // 10 rows × 4 heads = 40, head size 16 / 4 = 4, gate width 8: 40·8 = 320 projected, 320·4 = 1280 MACs.
        // Query bias 160, projection bias 320, the sums over D/2 320, two sigmoids 8 and the gate 4 per row and head
        // (480), gate · rel_pos once per output (2·4·5·5 = 200). Parameters: 16 + 4·8 + 8 + 4.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(1280));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * 1280) + 160 + 320 + 320 + 480 + 200));
            Assert.That(report.Count("params"), Is.EqualTo(60));
        });
    }
}
