using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class TopKShapeRuleTests
{
    [Test]
    public void K_comes_from_the_attribute_before_opset_10_and_the_input_after()
    {
        var old = new Builder(opset: 9);
        old.Node("TopK", new[] { old.Input("x", ElementType.Float, 3, 100) }, new[] { "v", "i" }, ("k", 5L));
        var current = new Builder(opset: 11);
        current.Node("TopK", new[] { current.Input("x", ElementType.Float, 3, 100), current.Int64s("k", 7) }, new[] { "v", "i" }, ("axis", 1L));

        var before = old.Infer();
        var after = current.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(before.Shape("v"), Is.EqualTo("[3x5]"));
            Assert.That(before.Element("i"), Is.EqualTo(ElementType.Int64));
            Assert.That(after.Shape("i"), Is.EqualTo("[3x7]"));
        });
    }

    [Test]
    public void One_hot_inserts_a_depth_axis_and_non_zero_counts_known_values()
    {
        var b = new Builder(opset: 11);
        var hot = b.Op("OneHot", new[] { b.Input("labels", ElementType.Int64, 4, 6), b.Scalar("depth", 10), b.Floats("values", new long[] { 2 }, new float[] { 0, 1 }) }, ("axis", 1L));
        var nonZero = b.Op("NonZero", new[] { b.Int64s("mask", new long[] { 2, 2 }, new long[] { 0, 3, 5, 0 }) });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(hot), Is.EqualTo("[4x10x6]"));
            Assert.That(types.Element(hot), Is.EqualTo(ElementType.Float));
            Assert.That(types.Shape(nonZero), Is.EqualTo("[2x2]"));
        });
    }
}
