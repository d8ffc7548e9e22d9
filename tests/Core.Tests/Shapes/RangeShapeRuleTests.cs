using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class RangeShapeRuleTests
{
    [Test]
    public void Known_bounds_give_the_count_and_the_values()
    {
        var b = new Builder();
        var up = b.Op("Range", new[] { b.Scalar("s", 0), b.Scalar("l", 10), b.Scalar("d", 3) });
        var down = b.Op("Range", new[] { b.Scalar("s2", 10), b.Scalar("l2", 0), b.Scalar("d2", -3) });
        var real = b.Op("Range", new[] { b.ScalarFloat("s3", 1), b.ScalarFloat("l3", 2), b.ScalarFloat("d3", 0.25f) });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Ints(up), Is.EqualTo(new long[] { 0, 3, 6, 9 }));
            Assert.That(types.Ints(down), Is.EqualTo(new long[] { 10, 7, 4, 1 }));
            Assert.That(types.Shape(real), Is.EqualTo("[4]"));
            Assert.That(types.Reals(real), Is.EqualTo(new[] { 1, 1.25, 1.5, 1.75 }));
        });
    }

    [Test]
    public void A_limit_from_the_input_shape_resolves()
    {
        var b = new Builder();
        var shape = b.Op("Shape", new[] { b.Input("x", ElementType.Float, "batch", "seq") });
        var seq = b.Op("Gather", new[] { shape, b.Scalar("one", 1) });
        var positions = b.Op("Range", new[] { b.Scalar("zero", 0), seq, b.Scalar("step", 1) });

        Assert.That(b.Infer("batch=1", "seq=128").Shape(positions), Is.EqualTo("[128]"));
    }
}
