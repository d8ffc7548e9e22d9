using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>Col2Im, CenterCropPad, ONNX Unique and Bernoulli, checked against the shapes the ONNX operator documentation gives.</summary>
public sealed class ImageAndSamplingShapeRuleTests
{
    [Test]
    public void Col2im_sums_columns_back_into_the_documented_image()
    {
        var b = new Builder(opset: 18);
        // The documentation's example: 5 columns of a 1 x 5 block over a 5 x 5 image.
        var documented = b.Op("Col2Im", new[] { b.Input("x", ElementType.Float, 1, 5, 5), b.Int64s("image", 5, 5), b.Int64s("block", 1, 5) });
        var strided = b.Op("Col2Im", new[] { b.Input("y", ElementType.Float, 2, 12, 9), b.Int64s("image6", 6, 6), b.Int64s("block2", 2, 2) }, ("strides", new long[] { 2, 2 }));
        var dilated = b.Op("Col2Im", new[] { b.Input("z", ElementType.Float, 1, 18, 9), b.Int64s("image5", 5, 5), b.Int64s("block3", 3, 3) },
            ("dilations", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }));

        var types = b.Infer();
        Assert.Multiple(() =>
        {
            Assert.That(types.TypeOf(documented)!.ToString(), Is.EqualTo("float[1x1x5x5]"));
            Assert.That(types.Shape(strided), Is.EqualTo("[2x3x6x6]"));
            Assert.That(types.Shape(dilated), Is.EqualTo("[1x2x5x5]"));
        });
    }

    [TestCase(new long[] { 1, 5, 4 }, new long[] { 1, 5 }, TestName = "Col2Im with columns the block does not slide over")]
    [TestCase(new long[] { 1, 7, 5 }, new long[] { 1, 5 }, TestName = "Col2Im with rows that are not whole blocks")]
    [TestCase(new long[] { 1, 5, 5 }, new long[] { 5 }, TestName = "Col2Im with a block of other rank than the image")]
    [TestCase(new long[] { 1, 5, 5 }, new long[] { 1, 6 }, TestName = "Col2Im with a block larger than the image")]
    public void Col2im_inputs_that_do_not_fit_are_rejected(long[] input, long[] block)
    {
        var b = new Builder(opset: 18);
        b.Op("Col2Im", new[] { b.Input("x", ElementType.Float, input.Cast<object>().ToArray()), b.Int64s("image", 5, 5), b.Int64s("block", block) });

        ShapeTestKit.AssertShapeMismatch(b, "Col2Im_0");
    }

    [Test]
    public void Col2im_sizes_whose_positions_overflow_are_a_coded_error()
    {
        var b = new Builder(opset: 18);
        b.Op("Col2Im", new[] { b.Input("x", ElementType.Float, 1, 5, 5), b.Int64s("image", long.MaxValue / 2, long.MaxValue / 2), b.Int64s("block", 1, 5) });

        Assert.That(ShapeTestKit.Rejects(b).Code, Is.EqualTo(EfficiencyMisnomer.Diagnostics.ErrorCodes.DimensionOverflow));
    }

    [Test]
    public void Center_crop_pad_sets_the_sizes_of_its_axes_and_keeps_the_rest()
    {
        var b = new Builder(opset: 18);
        var x = b.Input("x", ElementType.Float, 3, 20, 10);
        var all = b.Op("CenterCropPad", new[] { x, b.Int64s("every", 3, 10, 16) });
        var some = b.Op("CenterCropPad", new[] { x, b.Int64s("hw", 8, 12) }, ("axes", new long[] { -2, -1 }));

        var types = b.Infer();
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(all), Is.EqualTo("[3x10x16]"));
            Assert.That(types.Shape(some), Is.EqualTo("[3x8x12]"));
        });
    }

    [Test]
    public void Center_crop_pad_with_a_size_per_axis_missing_is_rejected()
    {
        var b = new Builder(opset: 18);
        b.Op("CenterCropPad", new[] { b.Input("x", ElementType.Float, 3, 20, 10), b.Int64s("hw", 8, 12) });

        ShapeTestKit.AssertShapeMismatch(b, "CenterCropPad_0");
    }

    [Test]
    public void Unique_counts_are_known_at_run_time_and_its_inverse_indices_follow_the_input()
    {
        var b = new Builder(opset: 11);
        var x = b.Input("x", ElementType.Float, 4, 6);
        b.Node("Unique", new[] { x }, new[] { "flat", "first", "inverse", "counts" });
        b.Node("Unique", new[] { x }, new[] { "rows", "", "row_inverse", "" }, ("axis", 0L));

        var types = b.Infer();
        Assert.Multiple(() =>
        {
            Assert.That(types.TypeOf("flat")!.Shape!.Rank, Is.EqualTo(1));
            Assert.That(types.TypeOf("flat")!.Shape![0].IsKnown, Is.False);
            Assert.That(types.TypeOf("first")!.ToString(), Does.StartWith("int64["));
            Assert.That(types.TypeOf("inverse")!.ToString(), Is.EqualTo("int64[24]"));
            Assert.That(types.TypeOf("counts")!.Shape![0], Is.EqualTo(types.TypeOf("flat")!.Shape![0]), "one count per unique value");
            Assert.That(types.TypeOf("rows")!.Shape![1].Value, Is.EqualTo(6));
            Assert.That(types.TypeOf("rows")!.Shape![0].IsKnown, Is.False);
            Assert.That(types.Shape("row_inverse"), Is.EqualTo("[4]"));
        });
    }

    [Test]
    public void Bernoulli_draws_one_value_per_probability_in_its_dtype()
    {
        var b = new Builder(opset: 15);
        var x = b.Input("p", ElementType.Float, 2, 7);
        var same = b.Op("Bernoulli", new[] { x });
        var typed = b.Op("Bernoulli", new[] { x }, ("dtype", 9L));

        var types = b.Infer();
        Assert.Multiple(() =>
        {
            Assert.That(types.TypeOf(same)!.ToString(), Is.EqualTo("float[2x7]"));
            Assert.That(types.TypeOf(typed)!.ToString(), Is.EqualTo("bool[2x7]"));
        });
    }
}
