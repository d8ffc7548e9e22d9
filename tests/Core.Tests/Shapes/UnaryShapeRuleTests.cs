using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class UnaryShapeRuleTests
{
    [Test]
    public void Elementwise_operators_keep_type_and_shape_and_compute_cheap_values()
    {
        var b = new Builder(opset: 13);
        var x = b.Input("x", ElementType.Float16, 2, 3);
        var gelu = b.Op("Softmax", new[] { b.Op("Sigmoid", new[] { x }) }, ("axis", -1L));
        var v = b.Floats("v", new long[] { 4 }, new[] { -1.5f, 2.5f, 0.5f, 4f });
        var negated = b.Op("Neg", new[] { v });
        var rounded = b.Op("Round", new[] { v });
        var ceiling = b.Op("Ceil", new[] { v });
        b.Node("Dropout", new[] { x }, new[] { "dropped", "mask" });
        var nan = b.Op("IsNaN", new[] { x });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.TypeOf(gelu)!.ToString(), Is.EqualTo("float16[2x3]"));
            Assert.That(types.Reals(negated), Is.EqualTo(new[] { 1.5, -2.5, -0.5, -4 }));
            Assert.That(types.Reals(rounded), Is.EqualTo(new[] { -2.0, 2, 0, 4 }));
            Assert.That(types.Reals(ceiling), Is.EqualTo(new[] { -1.0, 3, 1, 4 }));
            Assert.That(types.Element("mask"), Is.EqualTo(ElementType.Bool));
            Assert.That(types.Shape("dropped"), Is.EqualTo("[2x3]"));
            Assert.That(types.Element(nan), Is.EqualTo(ElementType.Bool));
        });
    }

    [Test]
    public void Swish_keeps_type_and_shape()
    {
        var b = new Builder(opset: 24);
        var y = b.Op("Swish", new[] { b.Input("x", ElementType.BFloat16, 2, 3, 8) });

        Assert.That(b.Infer().TypeOf(y)!.ToString(), Is.EqualTo("bfloat16[2x3x8]"));
    }
}
