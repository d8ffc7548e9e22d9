using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class AffineGridShapeRuleTests
{
    [Test]
    public void A_planar_grid_has_two_coordinates_per_location()
    {
        var b = new Builder(opset: 20);
        var y = b.Op("AffineGrid", new[] { b.Input("theta", ElementType.Float, 2, 2, 3), b.Int64s("size", 2, 3, 5, 7) });

        Assert.That(b.Infer().TypeOf(y)!.ToString(), Is.EqualTo("float[2x5x7x2]"));
    }

    [Test]
    public void A_volume_grid_has_three_coordinates_per_location()
    {
        var b = new Builder(opset: 20);
        var y = b.Op("AffineGrid", new[] { b.Input("theta", ElementType.Float, 1, 3, 4), b.Int64s("size", 1, 3, 4, 5, 6) }, ("align_corners", 1L));

        Assert.That(b.Infer().Shape(y), Is.EqualTo("[1x4x5x6x3]"));
    }

    [TestCase(new long[] { 2, 2, 4 }, new long[] { 2, 3, 5, 7 }, TestName = "A theta of 2 x 4")]
    [TestCase(new long[] { 2, 3, 4 }, new long[] { 2, 3, 5, 7 }, TestName = "A planar size for a volume theta")]
    [TestCase(new long[] { 2, 2, 3 }, new long[] { 1, 3, 5, 7 }, TestName = "A size for another batch")]
    [TestCase(new long[] { 2, 3 }, new long[] { 2, 3, 5, 7 }, TestName = "A 2-D theta")]
    public void Thetas_or_sizes_that_do_not_fit_are_rejected(long[] theta, long[] size)
    {
        var b = new Builder(opset: 20);
        b.Op("AffineGrid", new[] { b.Input("theta", ElementType.Float, theta.Cast<object>().ToArray()), b.Int64s("size", size) });

        ShapeTestKit.AssertShapeMismatch(b, "AffineGrid_0");
    }
}
