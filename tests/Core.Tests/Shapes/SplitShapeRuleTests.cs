using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class SplitShapeRuleTests
{
    [Test]
    public void Opset_11_takes_sizes_from_the_attribute()
    {
        var b = new Builder(opset: 11);
        b.Node("Split", new[] { b.Input("x", ElementType.Float, 2, 10) }, new[] { "a", "c" }, ("axis", 1L), ("split", new long[] { 3, 7 }));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("a"), Is.EqualTo("[2x3]"));
            Assert.That(types.Shape("c"), Is.EqualTo("[2x7]"));
        });
    }

    [Test]
    public void Opset_13_takes_sizes_from_the_input_or_splits_evenly()
    {
        var b = new Builder(opset: 13);
        var x = b.Input("x", ElementType.Float, 2, 10);
        b.Node("Split", new[] { x, b.Int64s("split", 4, 6) }, new[] { "a", "c" }, ("axis", -1L));
        b.Node("Split", new[] { x }, new[] { "e1", "e2" }, ("axis", 1L));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("a"), Is.EqualTo("[2x4]"));
            Assert.That(types.Shape("c"), Is.EqualTo("[2x6]"));
            Assert.That(types.Shape("e1"), Is.EqualTo("[2x5]"));
            Assert.That(types.Shape("e2"), Is.EqualTo("[2x5]"));
        });
    }

    [Test]
    public void Opset_18_num_outputs_gives_a_smaller_last_part()
    {
        var b = new Builder(opset: 18);
        b.Node("Split", new[] { b.Input("x", ElementType.Float, 2, 10) }, new[] { "p", "q", "r" }, ("axis", 1L), ("num_outputs", 3L));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("p"), Is.EqualTo("[2x4]"));
            Assert.That(types.Shape("q"), Is.EqualTo("[2x4]"));
            Assert.That(types.Shape("r"), Is.EqualTo("[2x2]"));
        });
    }

    [Test]
    public void Splitting_a_known_value_splits_its_elements()
    {
        var b = new Builder(opset: 13);
        var shape = b.Op("Shape", new[] { b.Input("x", ElementType.Float, 1, 3, 224, 224) });
        b.Node("Split", new[] { shape, b.Int64s("split", 2, 2) }, new[] { "head", "spatial" });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Ints("head"), Is.EqualTo(new long[] { 1, 3 }));
            Assert.That(types.Ints("spatial"), Is.EqualTo(new long[] { 224, 224 }));
        });
    }

    [Test]
    public void An_uneven_split_before_opset_18_is_rejected()
    {
        var b = new Builder(opset: 13);
        b.Node("Split", new[] { b.Input("x", ElementType.Float, 2, 10) }, new[] { "p", "q", "r" }, ("axis", 1L));

        ShapeTestKit.AssertShapeMismatch(b, "Split_0");
    }
}
