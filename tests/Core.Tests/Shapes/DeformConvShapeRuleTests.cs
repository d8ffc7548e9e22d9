using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>DeformConv (opset 19): a Conv's output, with offsets and masks that must match its kernel and output.</summary>
public sealed class DeformConvShapeRuleTests
{
    [Test]
    public void A_padded_strided_deformable_convolution_has_the_convolution_s_output()
    {
        var b = new Builder(opset: 19);
        // (1, 4, 9, 9) by 8 filters of 3 x 3, stride 2, pad 1: 5 x 5 locations, 2 offset groups.
        var y = b.Op("DeformConv", new[]
        {
            b.Input("x", ElementType.Float, 1, 4, 9, 9), b.Input("w", ElementType.Float, 8, 4, 3, 3), b.Input("offset", ElementType.Float, 1, 36, 5, 5),
            b.Input("b", ElementType.Float, 8), b.Input("mask", ElementType.Float, 1, 18, 5, 5),
        }, ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }), ("offset_group", 2L));

        Assert.That(b.Infer().TypeOf(y)!.ToString(), Is.EqualTo("float[1x8x5x5]"));
    }

    [TestCase(new long[] { 1, 18, 5, 5 }, new long[] { 1, 18, 5, 5 }, TestName = "DeformConv with an offset of one value per tap")]
    [TestCase(new long[] { 1, 36, 4, 4 }, new long[] { 1, 18, 5, 5 }, TestName = "DeformConv with offsets for other locations")]
    [TestCase(new long[] { 1, 36, 5, 5 }, new long[] { 1, 36, 5, 5 }, TestName = "DeformConv with a mask per coordinate")]
    public void Offsets_or_masks_that_do_not_fit_are_rejected(long[] offset, long[] mask)
    {
        var b = new Builder(opset: 19);
        b.Op("DeformConv", new[]
        {
            b.Input("x", ElementType.Float, 1, 4, 9, 9), b.Input("w", ElementType.Float, 8, 4, 3, 3), b.Input("offset", ElementType.Float, offset.Cast<object>().ToArray()),
            "", b.Input("mask", ElementType.Float, mask.Cast<object>().ToArray()),
        }, ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }), ("offset_group", 2L));

        ShapeTestKit.AssertShapeMismatch(b, "DeformConv_0");
    }
}
