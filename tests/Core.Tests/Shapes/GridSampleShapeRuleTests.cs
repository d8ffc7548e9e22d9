using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>GridSample against ONNX Runtime's contrib operator documentation and the ONNX operator (opsets 16 and 20).</summary>
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

    [Test]
    public void The_onnx_operator_at_opset_16_is_the_4d_sampler()
    {
        var b = new Builder(opset: 16);
        var y = b.Op("GridSample", new[] { b.Input("x", ElementType.Float, 1, 3, 8, 8), b.Input("grid", ElementType.Float, 1, 4, 4, 2) }, ("mode", "bilinear"));

        Assert.That(b.Infer().Shape(y), Is.EqualTo("[1x3x4x4]"));
    }

    [Test]
    public void The_onnx_operator_from_opset_20_samples_volumes_with_the_renamed_modes()
    {
        var b = new Builder(opset: 20);
        // (N, C, D, H, W) read at Grid (N, D_out, H_out, W_out, 3) gives (N, C, D_out, H_out, W_out).
        var y = b.Op("GridSample", new[] { b.Input("x", ElementType.Float, 1, 2, 4, 8, 8), b.Input("grid", ElementType.Float, 1, 2, 3, 5, 3) }, ("mode", "cubic"));

        Assert.That(b.Infer().Shape(y), Is.EqualTo("[1x2x2x3x5]"));
    }

    [TestCase(16, new long[] { 1, 2, 4, 8, 8 }, new long[] { 1, 2, 3, 5, 3 }, TestName = "A volume before opset 20")]
    [TestCase(20, new long[] { 1, 2, 4, 8, 8 }, new long[] { 1, 2, 3, 5, 2 }, TestName = "Two coordinates for three spatial dims")]
    [TestCase(20, new long[] { 1, 2, 8, 8 }, new long[] { 1, 2, 3, 5, 2 }, TestName = "A grid of another rank")]
    public void A_grid_that_does_not_fit_x_is_rejected(long opset, long[] x, long[] grid)
    {
        var b = new Builder(opset: opset);
        b.Op("GridSample", new[] { b.Input("x", ElementType.Float, x.Cast<object>().ToArray()), b.Input("grid", ElementType.Float, grid.Cast<object>().ToArray()) });

        ShapeTestKit.AssertShapeMismatch(b, "GridSample_0");
    }
}
