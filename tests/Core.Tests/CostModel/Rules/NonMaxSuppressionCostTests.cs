using EfficiencyMisnomer.Tests.Shapes;
using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

public sealed class NonMaxSuppressionCostTests
{
    [Test]
    public void Each_selected_box_is_compared_with_the_boxes_left_behind_it()
    {
        var builder = new Builder(opset: 11);
        var inputs = new[] { builder.Input("boxes", ElementType.Float, 1, 8, 4), builder.Input("scores", ElementType.Float, 1, 2, 8), builder.Scalar("max", 3) };
        var y = builder.Op("NonMaxSuppression", inputs);

        var report = builder.Analyze(y);

        // Per class, 8 boxes at threshold 1, area 3 and ⌈log2 8⌉ = 3 sort compares: 56; 3 selected boxes against
        // the 7, 6 and 5 boxes behind them, 3·7 − 3·2/2 = 18 pairs at an IoU of 13: 234. Two classes: 2·290.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(580));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    [TestCase(0L, 840L)]
    [TestCase(1L, 936L)]
    public void An_unknown_maximum_compares_every_pair(long centerPointBox, long flops)
    {
        var builder = new Builder(opset: 11);
        var inputs = new[] { builder.Input("boxes", ElementType.Float, 1, 8, 4), builder.Input("scores", ElementType.Float, 1, 2, 8), builder.Input("max", ElementType.Int64, 1) };
        var y = builder.Op("NonMaxSuppression", inputs, ("center_point_box", centerPointBox));

        var report = builder.Analyze(y);

        // Per class 8·(1 + 3 + 3) = 56, or 8·(7 + 6) = 104 converting centres to corners; all 8·7/2 = 28 pairs: 364.
        Assert.That(report.Count("flops"), Is.EqualTo(flops));
    }

    [Test]
    public void Without_a_maximum_nothing_is_counted()
    {
        var builder = new Builder(opset: 11);
        var y = builder.Op("NonMaxSuppression", new[] { builder.Input("boxes", ElementType.Float, 1, 8, 4), builder.Input("scores", ElementType.Float, 1, 2, 8) });

        Assert.That(builder.Analyze(y).Count("flops"), Is.Zero);
    }
}
