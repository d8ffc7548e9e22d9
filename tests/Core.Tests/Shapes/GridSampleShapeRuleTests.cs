using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>com.microsoft GridSample against ONNX Runtime's contrib operator documentation.</summary>
public sealed class GridSampleShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Samples_each_channel_at_the_grid_locations()
    {
        var b = new Builder().Opset(Contrib, 1);
        var y = b.NodeIn(Contrib, "GridSample", new[] { b.Input("x", ElementType.Float, 2, 3, 8, 8), b.Input("grid", ElementType.Float, 2, 5, 6, 2) },
            new[] { "y" }, ("mode", "bicubic"), ("padding_mode", "border"));

        var types = b.Infer();

        // (N, C, H, W) and (N, H_out, W_out, 2) give (N, C, H_out, W_out).
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[2x3x5x6]"));
            Assert.That(types.Element(y), Is.EqualTo(ElementType.Float));
        });
    }

    [TestCase(new long[] { 3, 8, 8 }, new long[] { 2, 5, 6, 2 }, "bilinear")]
    [TestCase(new long[] { 2, 3, 8, 8 }, new long[] { 2, 5, 6, 3 }, "bilinear")]
    [TestCase(new long[] { 2, 3, 8, 8 }, new long[] { 4, 5, 6, 2 }, "bilinear")]
    [TestCase(new long[] { 2, 3, 8, 8 }, new long[] { 2, 5, 6, 2 }, "linear")]
    public void Wrong_ranks_coordinates_batches_or_modes_are_rejected(long[] x, long[] grid, string mode)
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "GridSample", new[] { b.Input("x", ElementType.Float, x.Cast<object>().ToArray()), b.Input("grid", ElementType.Float, grid.Cast<object>().ToArray()) },
            new[] { "y" }, ("mode", mode));

        ShapeTestKit.AssertShapeMismatch(b, "GridSample_0");
    }
}
