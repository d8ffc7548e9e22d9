using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class ConcatShapeRuleTests
{
    [Test]
    public void Dims_along_the_axis_add_up_and_values_join()
    {
        var b = new Builder();
        var y = b.Op("Concat", new[] { b.Input("a", ElementType.Float, 2, 3, 4), b.Input("b", ElementType.Float, 2, 5, 4) }, ("axis", -2L));
        var matrix = b.Op("Concat", new[] { b.Int64s("m", new long[] { 2, 1 }, new long[] { 1, 2 }), b.Int64s("n", new long[] { 2, 2 }, new long[] { 3, 4, 5, 6 }) }, ("axis", 1L));
        var transposed = b.Op("Transpose", new[] { matrix });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[2x8x4]"));
            Assert.That(types.Ints(matrix), Is.EqualTo(new long[] { 1, 3, 4, 2, 5, 6 }));
            Assert.That(types.Shape(transposed), Is.EqualTo("[3x2]"));
            Assert.That(types.Ints(transposed), Is.EqualTo(new long[] { 1, 2, 3, 5, 4, 6 }));
        });
    }

    [Test]
    public void Inputs_that_differ_off_the_axis_are_rejected()
    {
        var b = new Builder();
        b.Op("Concat", new[] { b.Input("a", ElementType.Float, 2, 3), b.Input("b", ElementType.Float, 4, 3) }, ("axis", 1L));

        ShapeTestKit.AssertShapeMismatch(b, "Concat_0");
    }
}
