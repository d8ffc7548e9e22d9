using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class NonMaxSuppressionShapeRuleTests
{
    [Test]
    public void The_number_of_selected_boxes_is_a_symbol_of_int64_triples()
    {
        var b = new Builder(opset: 11);
        var inputs = new[] { b.Input("boxes", ElementType.Float, 1, 100, 4), b.Input("scores", ElementType.Float, 1, 3, 100), b.Scalar("max", 10), b.ScalarFloat("iou", 0.5f) };
        var y = b.Op("NonMaxSuppression", inputs, ("center_point_box", 1L));

        var type = b.Infer().TypeOf(y)!;

        Assert.Multiple(() =>
        {
            Assert.That(type.ElementType, Is.EqualTo(ElementType.Int64));
            Assert.That(type.Shape!.Rank, Is.EqualTo(2));
            Assert.That(type.Shape[0].IsKnown, Is.False);
            Assert.That(type.Shape[1].Value, Is.EqualTo(3));
        });
    }

    [Test]
    public void Without_a_maximum_nothing_is_selected()
    {
        var b = new Builder(opset: 11);
        var y = b.Op("NonMaxSuppression", new[] { b.Input("boxes", ElementType.Float, 1, 100, 4), b.Input("scores", ElementType.Float, 1, 3, 100) });

        Assert.That(b.Infer().Shape(y), Is.EqualTo("[0x3]"));
    }

    [TestCase(new long[] { 1, 100, 5 }, new long[] { 1, 3, 100 }, 0L, TestName = "Boxes of 5 values")]
    [TestCase(new long[] { 100, 4 }, new long[] { 1, 3, 100 }, 0L, TestName = "2-D boxes")]
    [TestCase(new long[] { 2, 100, 4 }, new long[] { 1, 3, 100 }, 0L, TestName = "Scores for another batch")]
    [TestCase(new long[] { 1, 100, 4 }, new long[] { 1, 3, 90 }, 0L, TestName = "Scores for other boxes")]
    [TestCase(new long[] { 1, 100, 4 }, new long[] { 1, 3, 100 }, 2L, TestName = "An unknown box format")]
    public void Boxes_scores_or_format_that_do_not_fit_are_rejected(long[] boxes, long[] scores, long format)
    {
        var b = new Builder(opset: 11);
        var inputs = new[] { b.Input("boxes", ElementType.Float, boxes.Cast<object>().ToArray()), b.Input("scores", ElementType.Float, scores.Cast<object>().ToArray()), b.Scalar("max", 10) };
        b.Op("NonMaxSuppression", inputs, ("center_point_box", format));

        ShapeTestKit.AssertShapeMismatch(b, "NonMaxSuppression_0");
    }
}
