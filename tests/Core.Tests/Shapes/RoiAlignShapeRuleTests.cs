using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class RoiAlignShapeRuleTests
{
    [Test]
    public void Each_region_pools_every_channel_to_the_output_size()
    {
        var b = new Builder(opset: 22);
        var inputs = new[] { b.Input("x", ElementType.Float16, 2, 256, 50, 68), b.Input("rois", ElementType.Float16, 100, 4), b.Input("batch", ElementType.Int64, 100) };
        var y = b.Op("RoiAlign", inputs, ("output_height", 7L), ("output_width", 7L), ("sampling_ratio", 2L), ("mode", "max"));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[100x256x7x7]"));
            Assert.That(types.Element(y), Is.EqualTo(ElementType.Float16));
        });
    }

    [TestCase(new long[] { 2, 8, 16 }, new long[] { 5, 4 }, 5L, "avg", 7L, TestName = "A 3-D X")]
    [TestCase(new long[] { 2, 8, 16, 16 }, new long[] { 5, 5 }, 5L, "avg", 7L, TestName = "Rois of 5 values")]
    [TestCase(new long[] { 2, 8, 16, 16 }, new long[] { 5, 4 }, 6L, "avg", 7L, TestName = "Batch indices for other regions")]
    [TestCase(new long[] { 2, 8, 16, 16 }, new long[] { 5, 4 }, 5L, "sum", 7L, TestName = "An unknown mode")]
    [TestCase(new long[] { 2, 8, 16, 16 }, new long[] { 5, 4 }, 5L, "avg", 0L, TestName = "An empty output height")]
    public void Inputs_or_attributes_that_do_not_fit_are_rejected(long[] x, long[] rois, long regions, string mode, long height)
    {
        var b = new Builder(opset: 22);
        var inputs = new[] { b.Input("x", ElementType.Float, x.Cast<object>().ToArray()), b.Input("rois", ElementType.Float, rois.Cast<object>().ToArray()), b.Input("batch", ElementType.Int64, regions) };
        b.Op("RoiAlign", inputs, ("mode", mode), ("output_height", height));

        ShapeTestKit.AssertShapeMismatch(b, "RoiAlign_0");
    }
}
