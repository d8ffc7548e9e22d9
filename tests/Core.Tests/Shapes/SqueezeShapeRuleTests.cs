using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class SqueezeShapeRuleTests
{
    [Test]
    public void Opset_11_takes_axes_as_attributes()
    {
        var b = new Builder(opset: 11);
        var x = b.Input("x", ElementType.Float, 1, 3, 1, 5);
        var squeezed = b.Op("Squeeze", new[] { x }, ("axes", new long[] { 0, -2 }));
        var unsqueezed = b.Op("Unsqueeze", new[] { squeezed }, ("axes", new long[] { 0, 3 }));
        var all = b.Op("Squeeze", new[] { x });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(squeezed), Is.EqualTo("[3x5]"));
            Assert.That(types.Shape(unsqueezed), Is.EqualTo("[1x3x5x1]"));
            Assert.That(types.Shape(all), Is.EqualTo("[3x5]"));
        });
    }

    [Test]
    public void Opset_13_takes_axes_as_inputs()
    {
        var b = new Builder(opset: 13);
        var x = b.Input("x", ElementType.Float, 1, 3, 1, 5);
        var squeezed = b.Op("Squeeze", new[] { x, b.Int64s("axes", 0, -2) });
        var unsqueezed = b.Op("Unsqueeze", new[] { squeezed, b.Int64s("axes2", 1, -1) });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(squeezed), Is.EqualTo("[3x5]"));
            Assert.That(types.Shape(unsqueezed), Is.EqualTo("[3x1x5x1]"));
        });
    }

    [Test]
    public void Squeezing_a_dim_other_than_one_is_rejected()
    {
        var b = new Builder(opset: 13);
        b.Op("Squeeze", new[] { b.Input("x", ElementType.Float, 1, 3), b.Int64s("axes", 1) });

        ShapeTestKit.AssertShapeMismatch(b, "Squeeze_0");
    }
}
