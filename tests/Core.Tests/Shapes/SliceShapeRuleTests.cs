using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class SliceShapeRuleTests
{
    [Test]
    public void Opset_9_reads_starts_ends_and_axes_from_attributes()
    {
        var b = new Builder(opset: 9);
        var x = b.Input("x", ElementType.Float, 2, 10, 8);
        var y = b.Op("Slice", new[] { x },
            ("starts", new long[] { 1, -3 }), ("ends", new long[] { 2, long.MaxValue }), ("axes", new long[] { 0, 2 }));

        Assert.That(b.Infer().Shape(y), Is.EqualTo("[1x10x3]"));
    }

    [Test]
    public void Opset_13_reads_inputs_with_negative_steps_and_clamping()
    {
        var b = new Builder(opset: 13);
        var x = b.Input("x", ElementType.Float, 2, 10, 8);
        var y = b.Op("Slice", new[] { x, b.Int64s("starts", -1, 1), b.Int64s("ends", long.MinValue, 100), b.Int64s("axes", 1, -1), b.Int64s("steps", -2, 3) });

        // Axis 1 takes 9, 7, 5, 3, 1; axis 2 takes 1, 4, 7.
        Assert.That(b.Infer().Shape(y), Is.EqualTo("[2x5x3]"));
    }

    [Test]
    public void Slicing_a_shape_value_propagates_its_dims()
    {
        var b = new Builder(opset: 13);
        var shape = b.Op("Shape", new[] { b.Input("x", ElementType.Float, 2, 197, 768) });
        var tail = b.Op("Slice", new[] { shape, b.Int64s("s", 1), b.Int64s("e", long.MaxValue) });
        var reversed = b.Op("Slice", new[] { shape, b.Int64s("s2", -1), b.Int64s("e2", long.MinValue), b.Int64s("a2", 0), b.Int64s("st2", -1) });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Ints(tail), Is.EqualTo(new long[] { 197, 768 }));
            Assert.That(types.Ints(reversed), Is.EqualTo(new long[] { 768, 197, 2 }));
        });
    }

    [Test]
    public void Shape_with_start_and_end_takes_part_of_the_dims()
    {
        var b = new Builder(opset: 15);
        var x = b.Input("x", ElementType.Float, 1, 3, 224, 224);
        var spatial = b.Op("Shape", new[] { x }, ("start", -2L));
        var size = b.Op("Size", new[] { x });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Ints(spatial), Is.EqualTo(new long[] { 224, 224 }));
            Assert.That(types.Ints(size), Is.EqualTo(new long[] { 150528 }));
        });
    }
}
