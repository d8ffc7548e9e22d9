using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class ConvShapeRuleTests
{
    [Test]
    public void Explicit_pads_and_strides()
    {
        var b = new Builder();
        var y = b.Op("Conv", new[] { b.Input("x", ElementType.Float, 1, 3, 224, 224), b.Weight("w", 64, 3, 7, 7) },
            ("strides", new long[] { 2, 2 }), ("pads", new long[] { 3, 3, 3, 3 }));

        Assert.That(b.Infer().Shape(y), Is.EqualTo("[1x64x112x112]"));
    }

    [Test]
    public void Same_upper_auto_pad_rounds_up_and_valid_drops_the_remainder()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 1, 3, 225, 225);
        var w = b.Weight("w", 8, 3, 3, 3);
        var same = b.Op("Conv", new[] { x, w }, ("auto_pad", "SAME_UPPER"), ("strides", new long[] { 2, 2 }));
        var valid = b.Op("Conv", new[] { x, w }, ("auto_pad", "VALID"), ("strides", new long[] { 2, 2 }));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(same), Is.EqualTo("[1x8x113x113]"));
            Assert.That(types.Shape(valid), Is.EqualTo("[1x8x112x112]"));
        });
    }

    [Test]
    public void Dilations_widen_the_kernel()
    {
        var b = new Builder();
        var y = b.Op("Conv", new[] { b.Input("x", ElementType.Float, 1, 4, 32, 32), b.Weight("w", 4, 4, 3, 3) }, ("dilations", new long[] { 2, 2 }));

        Assert.That(b.Infer().Shape(y), Is.EqualTo("[1x4x28x28]"));
    }

    [Test]
    public void Depthwise_groups_and_three_spatial_dims()
    {
        var b = new Builder();
        var depthwise = b.Op("Conv", new[] { b.Input("x", ElementType.Float, 1, 32, 56, 56), b.Weight("w", 32, 1, 3, 3) },
            ("group", 32L), ("pads", new long[] { 1, 1, 1, 1 }));
        var volume = b.Op("Conv", new[] { b.Input("v", ElementType.Float, 2, 3, 16, 112, 112), b.Weight("k", 64, 3, 3, 7, 7) },
            ("strides", new long[] { 1, 2, 2 }), ("pads", new long[] { 1, 3, 3, 1, 3, 3 }));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(depthwise), Is.EqualTo("[1x32x56x56]"));
            Assert.That(types.Shape(volume), Is.EqualTo("[2x64x16x56x56]"));
        });
    }

    [Test]
    public void Conv_integer_outputs_int32()
    {
        var b = new Builder();
        var y = b.Op("ConvInteger", new[] { b.Input("x", ElementType.UInt8, 1, 3, 8, 8), b.Initializer("w", ElementType.UInt8, new long[] { 4, 3, 3, 3 }) });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[1x4x6x6]"));
            Assert.That(types.Element(y), Is.EqualTo(ElementType.Int32));
        });
    }

    [Test]
    public void Channels_that_do_not_match_the_weight_are_rejected()
    {
        var b = new Builder();
        b.Op("Conv", new[] { b.Input("x", ElementType.Float, 1, 3, 8, 8), b.Weight("w", 4, 2, 3, 3) });

        ShapeTestKit.AssertShapeMismatch(b, "Conv_0");
    }
}
