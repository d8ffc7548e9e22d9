using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class ReduceShapeRuleTests
{
    [Test]
    public void Opset_13_reduce_mean_reads_axes_from_the_attribute()
    {
        var b = new Builder(opset: 13);
        var x = b.Input("x", ElementType.Float, 2, 3, 4);
        var kept = b.Op("ReduceMean", new[] { x }, ("axes", new long[] { 1 }));
        var all = b.Op("ReduceMean", new[] { x }, ("keepdims", 0L));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(kept), Is.EqualTo("[2x1x4]"));
            Assert.That(types.Shape(all), Is.EqualTo("[]"));
        });
    }

    [Test]
    public void Opset_18_reduce_mean_reads_axes_from_the_input()
    {
        var b = new Builder(opset: 18);
        var x = b.Input("x", ElementType.Float, 2, 3, 4);
        var dropped = b.Op("ReduceMean", new[] { x, b.Int64s("axes", -1) }, ("keepdims", 0L));
        var all = b.Op("ReduceMean", new[] { x });
        var noop = b.Op("ReduceMean", new[] { x }, ("noop_with_empty_axes", 1L));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(dropped), Is.EqualTo("[2x3]"));
            Assert.That(types.Shape(all), Is.EqualTo("[1x1x1]"));
            Assert.That(types.Shape(noop), Is.EqualTo("[2x3x4]"));
        });
    }

    [Test]
    public void Reduce_prod_of_a_shape_gives_its_element_count()
    {
        var b = new Builder(opset: 13);
        var shape = b.Op("Shape", new[] { b.Input("x", ElementType.Float, 2, 3, 4) });
        var count = b.Op("ReduceProd", new[] { shape }, ("keepdims", 0L));
        var largest = b.Op("ReduceMax", new[] { shape });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Ints(count), Is.EqualTo(new long[] { 24 }));
            Assert.That(types.Shape(largest), Is.EqualTo("[1]"));
            Assert.That(types.Ints(largest), Is.EqualTo(new long[] { 4 }));
        });
    }

    [Test]
    public void Arg_max_gives_int64_indices()
    {
        var b = new Builder();
        var y = b.Op("ArgMax", new[] { b.Input("x", ElementType.Float, 2, 3, 4) }, ("axis", -1L), ("keepdims", 0L));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[2x3]"));
            Assert.That(types.Element(y), Is.EqualTo(ElementType.Int64));
        });
    }
}
