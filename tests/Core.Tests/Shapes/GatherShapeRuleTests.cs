using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class GatherShapeRuleTests
{
    [Test]
    public void Negative_indices_count_from_the_end()
    {
        var b = new Builder();
        var shape = b.Op("Shape", new[] { b.Input("x", ElementType.Float, 2, 197, 768) });
        var last = b.Op("Gather", new[] { shape, b.Scalar("minus1", -1) });
        var picked = b.Op("Gather", new[] { shape, b.Int64s("idx", -1, 0) });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(last), Is.EqualTo("[]"));
            Assert.That(types.Ints(last), Is.EqualTo(new long[] { 768 }));
            Assert.That(types.Ints(picked), Is.EqualTo(new long[] { 768, 2 }));
        });
    }

    [Test]
    public void The_indices_shape_replaces_the_axis()
    {
        var b = new Builder();
        var y = b.Op("Gather", new[] { b.Input("data", ElementType.Float, 10, 20, 30), b.Input("i", ElementType.Int64, 4, 5) }, ("axis", 1L));
        var embedding = b.Op("Gather", new[] { b.Weight("table", 1000, 64), b.Input("tokens", ElementType.Int64, "batch", 16) });

        var types = b.Infer("batch=3");

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[10x4x5x30]"));
            Assert.That(types.Shape(embedding), Is.EqualTo("[3x16x64]"));
        });
    }

    [Test]
    public void An_out_of_range_known_index_is_rejected()
    {
        var b = new Builder();
        var shape = b.Op("Shape", new[] { b.Input("x", ElementType.Float, 2, 3) });
        b.Op("Gather", new[] { shape, b.Int64s("idx", 2) });

        ShapeTestKit.AssertShapeMismatch(b, "Gather_1");
    }
}
