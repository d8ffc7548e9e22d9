using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class PadShapeRuleTests
{
    private static readonly long[] Pads = { 0, 0, 1, 2, 0, 0, 3, 4 };

    [Test]
    public void Opset_2_reads_pads_from_the_attribute()
    {
        var b = new Builder(opset: 2);
        var y = b.Op("Pad", new[] { b.Input("x", ElementType.Float, 1, 3, 5, 5) }, ("pads", Pads));

        Assert.That(b.Infer().Shape(y), Is.EqualTo("[1x3x9x11]"));
    }

    [Test]
    public void Opset_11_reads_pads_from_the_input()
    {
        var b = new Builder(opset: 11);
        var y = b.Op("Pad", new[] { b.Input("x", ElementType.Float, 1, 3, 5, 5), b.Int64s("pads", Pads) });

        Assert.That(b.Infer().Shape(y), Is.EqualTo("[1x3x9x11]"));
    }

    [Test]
    public void Opset_18_applies_pads_to_the_given_axes_and_negative_pads_crop()
    {
        var b = new Builder(opset: 18);
        var y = b.Op("Pad", new[] { b.Input("x", ElementType.Float, 1, 3, 5, 5), b.Int64s("pads", 1, 1, 0, -1), "", b.Int64s("axes", 2, -1) });

        Assert.That(b.Infer().Shape(y), Is.EqualTo("[1x3x6x5]"));
    }
}
