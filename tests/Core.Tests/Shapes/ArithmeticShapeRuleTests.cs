using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class ArithmeticShapeRuleTests
{
    [Test]
    public void Shapes_broadcast_numpy_style()
    {
        var b = new Builder();
        var y = b.Op("Add", new[] { b.Input("a", ElementType.Float, 8, 1, 6, 1), b.Input("b", ElementType.Float, 7, 1, 5) });
        var sum = b.Op("Sum", new[] { b.Input("c", ElementType.Float, 3), b.Input("d", ElementType.Float, 2, 1), b.Input("e", ElementType.Float, 1) });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[8x7x6x5]"));
            Assert.That(types.Shape(sum), Is.EqualTo("[2x3]"));
        });
    }

    [Test]
    public void Integer_values_follow_onnx_semantics()
    {
        var b = new Builder();
        var a = b.Int64s("a", 7, -7, 9);
        var d = b.Int64s("d", 2, 2, -4);
        var quotient = b.Op("Div", new[] { a, d });
        var product = b.Op("Mul", new[] { a, b.Scalar("three", 3) });
        var modulo = b.Op("Mod", new[] { a, d });
        var fmod = b.Op("Mod", new[] { a, d }, ("fmod", 1L));
        var largest = b.Op("Max", new[] { a, d, b.Scalar("zero", 0) });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Ints(quotient), Is.EqualTo(new long[] { 3, -3, -2 }));
            Assert.That(types.Ints(product), Is.EqualTo(new long[] { 21, -21, 27 }));
            Assert.That(types.Ints(modulo), Is.EqualTo(new long[] { 1, 1, -3 }));
            Assert.That(types.Ints(fmod), Is.EqualTo(new long[] { 1, -1, 1 }));
            Assert.That(types.Ints(largest), Is.EqualTo(new long[] { 7, 2, 9 }));
        });
    }

    [Test]
    public void Dims_that_do_not_broadcast_are_rejected()
    {
        var b = new Builder();
        b.Op("Add", new[] { b.Input("a", ElementType.Float, 2, 3), b.Input("b", ElementType.Float, 4, 3) });

        ShapeTestKit.AssertShapeMismatch(b, "Add_0");
    }
}
