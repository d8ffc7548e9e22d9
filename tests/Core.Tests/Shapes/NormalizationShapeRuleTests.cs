using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class NormalizationShapeRuleTests
{
    [Test]
    public void Layer_normalization_statistics_keep_the_dims_before_the_axis()
    {
        var b = new Builder();
        b.Node("LayerNormalization", new[] { b.Input("x", ElementType.Float16, 2, 197, 768), b.Weight("g", 768) },
            new[] { "y", "mean", "inv" }, ("axis", -1L));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[2x197x768]"));
            Assert.That(types.Element("y"), Is.EqualTo(ElementType.Float16));
            Assert.That(types.Shape("mean"), Is.EqualTo("[2x197x1]"));
            Assert.That(types.Element("inv"), Is.EqualTo(ElementType.Float));
        });
    }

    [Test]
    public void Batch_normalization_in_training_gives_per_channel_statistics()
    {
        var b = new Builder(opset: 15);
        var inputs = new[] { b.Input("x", ElementType.Float, 8, 64, 7, 7), b.Weight("s", 64), b.Weight("b", 64), b.Weight("m", 64), b.Weight("v", 64) };
        b.Node("BatchNormalization", inputs, new[] { "y", "rm", "rv" }, ("training_mode", 1L));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[8x64x7x7]"));
            Assert.That(types.Shape("rm"), Is.EqualTo("[64]"));
            Assert.That(types.Shape("rv"), Is.EqualTo("[64]"));
        });
    }

    [Test]
    public void Simplified_layer_normalization_in_the_default_domain()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 2, 3, 8);
        b.Node("SimplifiedLayerNormalization", new[] { x, b.Weight("g", 8) }, new[] { "y", "inv" }, ("axis", -1L));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[2x3x8]"));
            Assert.That(types.Shape("inv"), Is.EqualTo("[2x3x1]"));
        });
    }

    [Test]
    public void Rms_normalization_gives_x_shape_in_the_scale_type()
    {
        var b = new Builder(opset: 23);
        var y = b.Op("RMSNormalization", new[] { b.Input("x", ElementType.Float16, 2, 5, 64), b.Input("g", ElementType.Float, 64) });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[2x5x64]"));
            Assert.That(types.Element(y), Is.EqualTo(ElementType.Float));
        });
    }

    [Test]
    public void Rms_normalization_over_several_dims_takes_a_broadcast_scale()
    {
        var b = new Builder(opset: 23);
        var y = b.Op("RMSNormalization", new[] { b.Input("x", ElementType.Float, 2, 3, 4), b.Weight("g", 1, 4) }, ("axis", 1L));

        Assert.That(b.Infer().Shape(y), Is.EqualTo("[2x3x4]"));
    }

    [TestCase(3L, new long[] { 4 }, TestName = "An axis past the last dim")]
    [TestCase(-1L, new long[] { 3, 4 }, TestName = "A scale with more dims than the normalized ones")]
    [TestCase(-1L, new long[] { 5 }, TestName = "A scale of another size")]
    public void Rms_normalization_rejects_an_axis_or_scale_that_does_not_fit(long axis, long[] scale)
    {
        var b = new Builder(opset: 23);
        b.Op("RMSNormalization", new[] { b.Input("x", ElementType.Float, 2, 3, 4), b.Weight("g", scale) }, ("axis", axis));

        ShapeTestKit.AssertShapeMismatch(b, "RMSNormalization_0");
    }
}
