using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class ConvTransposeShapeRuleTests
{
    [Test]
    public void Strides_pads_and_output_padding_set_the_size()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 1, 16, 14, 14);
        var doubled = b.Op("ConvTranspose", new[] { x, b.Weight("w", 16, 8, 4, 4) }, ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }));
        var grouped = b.Op("ConvTranspose", new[] { x, b.Weight("g", 16, 8, 3, 3) },
            ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }), ("output_padding", new long[] { 1, 1 }), ("group", 2L));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(doubled), Is.EqualTo("[1x8x28x28]"));
            Assert.That(types.Shape(grouped), Is.EqualTo("[1x16x28x28]"));
        });
    }

    [Test]
    public void Output_shape_and_same_auto_pad_override_the_formula()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 1, 16, 14, 14);
        var w = b.Weight("w", 16, 8, 3, 3);
        var given = b.Op("ConvTranspose", new[] { x, w }, ("strides", new long[] { 2, 2 }), ("output_shape", new long[] { 30, 29 }));
        var same = b.Op("ConvTranspose", new[] { x, w }, ("strides", new long[] { 3, 3 }), ("auto_pad", "SAME_UPPER"));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(given), Is.EqualTo("[1x8x30x29]"));
            Assert.That(types.Shape(same), Is.EqualTo("[1x8x42x42]"));
        });
    }
}
