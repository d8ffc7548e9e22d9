using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class TensorScatterShapeRuleTests
{
    [Test]
    public void The_present_cache_is_the_past_cache()
    {
        var b = new Builder(opset: 24);
        var inputs = new[] { b.Input("past", ElementType.Float16, 2, 4, 32, 16), b.Input("update", ElementType.Float16, 2, 4, 1, 16), b.Input("write", ElementType.Int64, 2) };
        var y = b.Op("TensorScatter", inputs, ("mode", "circular"));

        Assert.That(b.Infer().TypeOf(y)!.ToString(), Is.EqualTo("float16[2x4x32x16]"));
    }

    [Test]
    public void The_sequence_axis_may_be_any_but_the_batch()
    {
        var b = new Builder(opset: 24);
        var y = b.Op("TensorScatter", new[] { b.Input("past", ElementType.Float, 2, 32, 4, 16), b.Input("update", ElementType.Float, 2, 7, 4, 16) }, ("axis", 1L));

        Assert.That(b.Infer().Shape(y), Is.EqualTo("[2x32x4x16]"));
    }

    [TestCase(new long[] { 2, 4, 9, 16 }, -2L, "linear", 2L, TestName = "An update longer than the cache")]
    [TestCase(new long[] { 2, 3, 1, 16 }, -2L, "linear", 2L, TestName = "An update with other heads")]
    [TestCase(new long[] { 2, 4, 16 }, -2L, "linear", 2L, TestName = "An update of another rank")]
    [TestCase(new long[] { 2, 4, 1, 16 }, 0L, "linear", 2L, TestName = "The batch dim as sequence axis")]
    [TestCase(new long[] { 2, 4, 1, 16 }, 4L, "linear", 2L, TestName = "An axis past the last dim")]
    [TestCase(new long[] { 2, 4, 1, 16 }, -2L, "ring", 2L, TestName = "An unknown mode")]
    [TestCase(new long[] { 2, 4, 1, 16 }, -2L, "linear", 3L, TestName = "Write indices for another batch")]
    public void An_update_that_does_not_fit_the_cache_is_rejected(long[] update, long axis, string mode, long indices)
    {
        var b = new Builder(opset: 24);
        var inputs = new[] { b.Input("past", ElementType.Float, 2, 4, 8, 16), b.Input("update", ElementType.Float, update.Cast<object>().ToArray()), b.Input("write", ElementType.Int64, indices) };
        b.Op("TensorScatter", inputs, ("axis", axis), ("mode", mode));

        ShapeTestKit.AssertShapeMismatch(b, "TensorScatter_0");
    }
}
