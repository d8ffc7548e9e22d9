using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class ExpandShapeRuleTests
{
    [Test]
    public void The_input_broadcasts_against_the_shape_in_both_directions()
    {
        var b = new Builder();
        var y = b.Op("Expand", new[] { b.Input("x", ElementType.Float, 3, 1), b.Int64s("shape", 2, 1, 4) });
        var values = b.Op("Expand", new[] { b.Int64s("five", 5), b.Int64s("three", 3) });
        var tiled = b.Op("Tile", new[] { b.Int64s("pair", 1, 2), b.Int64s("reps", 3) });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[2x3x4]"));
            Assert.That(types.Ints(values), Is.EqualTo(new long[] { 5, 5, 5 }));
            Assert.That(types.Ints(tiled), Is.EqualTo(new long[] { 1, 2, 1, 2, 1, 2 }));
        });
    }
}
