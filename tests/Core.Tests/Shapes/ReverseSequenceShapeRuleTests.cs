using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class ReverseSequenceShapeRuleTests
{
    [Test]
    public void The_output_is_the_input()
    {
        var b = new Builder(opset: 10);
        var y = b.Op("ReverseSequence", new[] { b.Input("x", ElementType.Float16, 4, 7, 16), b.Input("lens", ElementType.Int64, 4) }, ("batch_axis", 0L), ("time_axis", 1L));

        Assert.That(b.Infer().TypeOf(y)!.ToString(), Is.EqualTo("float16[4x7x16]"));
    }

    [TestCase(new long[] { 7 }, 1L, 0L, 4L, TestName = "A 1-D input")]
    [TestCase(new long[] { 7, 4, 16 }, 1L, 1L, 4L, TestName = "One axis for batch and time")]
    [TestCase(new long[] { 7, 4, 16 }, 2L, 0L, 16L, TestName = "A batch axis past 1")]
    [TestCase(new long[] { 7, 4, 16 }, 1L, 0L, 7L, TestName = "Lengths for another batch")]
    public void Ranks_axes_or_lengths_that_do_not_fit_are_rejected(long[] x, long batch, long time, long lengths)
    {
        var b = new Builder(opset: 10);
        b.Op("ReverseSequence", new[] { b.Input("x", ElementType.Float, x.Cast<object>().ToArray()), b.Input("lens", ElementType.Int64, lengths) }, ("batch_axis", batch), ("time_axis", time));

        ShapeTestKit.AssertShapeMismatch(b, "ReverseSequence_0");
    }
}
