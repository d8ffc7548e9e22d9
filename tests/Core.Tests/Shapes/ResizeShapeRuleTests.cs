using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class ResizeShapeRuleTests
{
    [Test]
    public void Opset_10_takes_scales_as_the_second_input()
    {
        var b = new Builder(opset: 10);
        var y = b.Op("Resize", new[] { b.Input("x", ElementType.Float, 1, 3, 5, 7), b.Floats("scales", new long[] { 4 }, new float[] { 1, 1, 2, 2 }) });

        Assert.That(b.Infer().Shape(y), Is.EqualTo("[1x3x10x14]"));
    }

    [Test]
    public void Opset_13_uses_sizes_when_given_and_floors_scaled_dims_otherwise()
    {
        var b = new Builder(opset: 13);
        var x = b.Input("x", ElementType.Float, 1, 3, 5, 7);
        var sized = b.Op("Resize", new[] { x, "", "", b.Int64s("sizes", 1, 3, 32, 48) });
        var scaled = b.Op("Resize", new[] { x, "", b.Floats("scales", new long[] { 4 }, new float[] { 1, 1, 1.5f, 0.5f }) });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(sized), Is.EqualTo("[1x3x32x48]"));
            Assert.That(types.Shape(scaled), Is.EqualTo("[1x3x7x3]"));
        });
    }

    [Test]
    public void Opset_11_treats_an_empty_scales_tensor_as_absent()
    {
        var b = new Builder(opset: 11);
        var y = b.Op("Resize", new[]
        {
            b.Input("x", ElementType.Float, 1, 3, 5, 7), b.Floats("roi", new long[] { 0 }, Array.Empty<float>()),
            b.Floats("scales", new long[] { 0 }, Array.Empty<float>()), b.Int64s("sizes", 1, 3, 10, 21),
        });

        Assert.That(b.Infer().Shape(y), Is.EqualTo("[1x3x10x21]"));
    }

    [Test]
    public void Sizes_computed_by_shape_arithmetic_resolve()
    {
        // Shape -> Slice -> Cast -> Mul -> Floor -> Cast -> Concat, as exported for a 1.5x upsample.
        var b = new Builder(opset: 13);
        var x = b.Input("x", ElementType.Float, 1, 3, 5, 7);
        var shape = b.Op("Shape", new[] { x });
        var spatial = b.Op("Slice", new[] { shape, b.Int64s("s", 2), b.Int64s("e", 4) });
        var real = b.Op("Cast", new[] { spatial }, ("to", (long)ElementType.Float));
        var scaled = b.Op("Mul", new[] { real, b.ScalarFloat("factor", 1.5f) });
        var floored = b.Op("Floor", new[] { scaled });
        var integral = b.Op("Cast", new[] { floored }, ("to", (long)ElementType.Int64));
        var sizes = b.Op("Concat", new[] { b.Int64s("nc", 1, 3), integral }, ("axis", 0L));
        var y = b.Op("Resize", new[] { x, "", "", sizes });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Reals(scaled), Is.EqualTo(new[] { 7.5, 10.5 }));
            Assert.That(types.Ints(integral), Is.EqualTo(new long[] { 7, 10 }));
            Assert.That(types.Shape(y), Is.EqualTo("[1x3x7x10]"));
        });
    }

    [Test]
    public void Upsample_7_reads_scales_from_the_attribute()
    {
        var b = new Builder(opset: 7);
        var y = b.Op("Upsample", new[] { b.Input("x", ElementType.Float, 1, 3, 5, 7) }, ("scales", new float[] { 1, 1, 2, 3 }));

        Assert.That(b.Infer().Shape(y), Is.EqualTo("[1x3x10x21]"));
    }
}
