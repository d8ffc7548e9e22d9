using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class PoolShapeRuleTests
{
    [Test]
    public void Ceil_mode_adds_a_partial_window_that_starts_inside_the_input()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 1, 1, 6, 6);
        var floor = b.Op("MaxPool", new[] { x }, ("kernel_shape", new long[] { 3, 3 }), ("strides", new long[] { 2, 2 }));
        var ceil = b.Op("MaxPool", new[] { x }, ("kernel_shape", new long[] { 3, 3 }), ("strides", new long[] { 2, 2 }), ("ceil_mode", 1L));

        // 5 wide, padded 1+1: a fourth window would start in the trailing pad, so it is dropped.
        var padded = b.Op("MaxPool", new[] { b.Input("p", ElementType.Float, 1, 1, 5, 5) },
            ("kernel_shape", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }), ("ceil_mode", 1L));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(floor), Is.EqualTo("[1x1x2x2]"));
            Assert.That(types.Shape(ceil), Is.EqualTo("[1x1x3x3]"));
            Assert.That(types.Shape(padded), Is.EqualTo("[1x1x3x3]"));
        });
    }

    [Test]
    public void Max_pool_indices_are_int64_and_global_pools_keep_n_and_c()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 1, 64, 112, 112);
        b.Node("MaxPool", new[] { x }, new[] { "y", "indices" },
            ("kernel_shape", new long[] { 3, 3 }), ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }));
        var average = b.Op("GlobalAveragePool", new[] { x });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[1x64x56x56]"));
            Assert.That(types.Shape("indices"), Is.EqualTo("[1x64x56x56]"));
            Assert.That(types.Element("indices"), Is.EqualTo(ElementType.Int64));
            Assert.That(types.Shape(average), Is.EqualTo("[1x64x1x1]"));
        });
    }
}
