using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class CastShapeRuleTests
{
    [Test]
    public void Floats_truncate_toward_zero_and_nonzero_is_true()
    {
        var b = new Builder();
        var x = b.Floats("x", new long[] { 3 }, new[] { 2.7f, -2.7f, 0f });
        var integral = b.Op("Cast", new[] { x }, ("to", (long)ElementType.Int64));
        var truth = b.Op("Cast", new[] { x }, ("to", (long)ElementType.Bool));
        var like = b.Op("CastLike", new[] { b.Int64s("i", 1, 2), x });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Ints(integral), Is.EqualTo(new long[] { 2, -2, 0 }));
            Assert.That(types.Element(truth), Is.EqualTo(ElementType.Bool));
            Assert.That(types.Ints(truth), Is.EqualTo(new long[] { 1, 1, 0 }));
            Assert.That(types.Element(like), Is.EqualTo(ElementType.Float));
            Assert.That(types.Reals(like), Is.EqualTo(new[] { 1.0, 2.0 }));
        });
    }
}
