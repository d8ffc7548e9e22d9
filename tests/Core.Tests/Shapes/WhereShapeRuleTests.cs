using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class WhereShapeRuleTests
{
    [Test]
    public void Condition_and_branches_broadcast()
    {
        var b = new Builder();
        var y = b.Op("Where", new[] { b.Input("c", ElementType.Bool, 2, 1), b.Input("x", ElementType.Float, 1, 3), b.ScalarFloat("zero", 0) });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[2x3]"));
            Assert.That(types.Element(y), Is.EqualTo(ElementType.Float));
        });
    }

    [Test]
    public void Equal_then_where_replaces_zeros_in_a_shape_value()
    {
        var b = new Builder();
        var target = b.Int64s("target", 0, 4, 0);
        var isZero = b.Op("Equal", new[] { target, b.Scalar("zero", 0) });
        var fixedUp = b.Op("Where", new[] { isZero, b.Int64s("seven", 7), target });
        var notZero = b.Op("Not", new[] { isZero });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Element(isZero), Is.EqualTo(ElementType.Bool));
            Assert.That(types.Ints(isZero), Is.EqualTo(new long[] { 1, 0, 1 }));
            Assert.That(types.Ints(fixedUp), Is.EqualTo(new long[] { 7, 4, 7 }));
            Assert.That(types.Ints(notZero), Is.EqualTo(new long[] { 0, 1, 0 }));
        });
    }
}
