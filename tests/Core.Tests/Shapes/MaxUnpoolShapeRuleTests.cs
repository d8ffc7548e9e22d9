using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class MaxUnpoolShapeRuleTests
{
    [Test]
    public void Each_spatial_dim_grows_back_by_its_stride_and_kernel()
    {
        var b = new Builder(opset: 22);
        var inputs = new[] { b.Input("x", ElementType.Float, 1, 3, 4, 5), b.Input("i", ElementType.Int64, 1, 3, 4, 5) };
        var y = b.Op("MaxUnpool", inputs, ("kernel_shape", new long[] { 3, 2 }), ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 0, 0, 0 }));

        // (4 − 1)·2 + 3 − 1 − 0 = 8 and (5 − 1)·2 + 2 = 10.
        Assert.That(b.Infer().Shape(y), Is.EqualTo("[1x3x8x10]"));
    }

    [Test]
    public void An_output_shape_input_names_the_output()
    {
        var b = new Builder(opset: 11);
        var inputs = new[] { b.Input("x", ElementType.Float, 1, 3, 4, 4), b.Input("i", ElementType.Int64, 1, 3, 4, 4), b.Int64s("size", 1, 3, 9, 9) };
        var y = b.Op("MaxUnpool", inputs, ("kernel_shape", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 }));

        Assert.That(b.Infer().Shape(y), Is.EqualTo("[1x3x9x9]"));
    }

    [TestCase(new long[] { 2, 2, 2 }, new long[] { 1, 3, 4, 4 }, new long[] { 0, 0, 0, 0 }, TestName = "A kernel of another rank")]
    [TestCase(new long[] { 2, 2 }, new long[] { 1, 3, 4, 5 }, new long[] { 0, 0, 0, 0 }, TestName = "Indices of another shape")]
    [TestCase(new long[] { 2, 2 }, new long[] { 1, 3, 4, 4 }, new long[] { 0, 0 }, TestName = "Pads for one side")]
    [TestCase(new long[] { 1, 1 }, new long[] { 1, 3, 4, 4 }, new long[] { 4, 0, 0, 0 }, TestName = "Pads larger than the output")]
    public void Kernels_indices_or_pads_that_do_not_fit_are_rejected(long[] kernel, long[] indices, long[] pads)
    {
        var b = new Builder(opset: 22);
        var inputs = new[] { b.Input("x", ElementType.Float, 1, 3, 4, 4), b.Input("i", ElementType.Int64, indices.Cast<object>().ToArray()) };
        b.Op("MaxUnpool", inputs, ("kernel_shape", kernel), ("pads", pads));

        ShapeTestKit.AssertShapeMismatch(b, "MaxUnpool_0");
    }
}
