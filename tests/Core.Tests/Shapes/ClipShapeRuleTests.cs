using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class ClipShapeRuleTests
{
    [Test]
    public void Opset_6_clips_with_the_attributes()
    {
        var b = new Builder(opset: 6);
        var y = b.Op("Clip", new[] { b.Floats("x", new long[] { 3 }, new float[] { -1, 3, 8 }) }, ("min", 0f), ("max", 6f));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[3]"));
            Assert.That(types.Reals(y), Is.EqualTo(new[] { 0.0, 3, 6 }));
        });
    }

    [Test]
    public void Opset_13_clips_with_the_optional_inputs()
    {
        var b = new Builder(opset: 13);
        var x = b.Floats("x", new long[] { 3 }, new float[] { -1, 3, 8 });
        var low = b.Op("Clip", new[] { x, b.ScalarFloat("min", 0) });
        var high = b.Op("Clip", new[] { x, "", b.ScalarFloat("max", 2) });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Reals(low), Is.EqualTo(new[] { 0.0, 3, 8 }));
            Assert.That(types.Reals(high), Is.EqualTo(new[] { -1.0, 2, 2 }));
        });
    }
}
