using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class ConstantOfShapeShapeRuleTests
{
    [Test]
    public void Default_fill_is_float_zero_and_the_value_attribute_sets_type_and_fill()
    {
        var b = new Builder();
        var zeros = b.Op("ConstantOfShape", new[] { b.Int64s("shape", 2, 3) });
        var sevens = b.Op("ConstantOfShape", new[] { b.Int64s("shape2", 3) },
            ("value", Builder.Tensor(ElementType.Int64, new long[] { 1 }, new long[] { 7 })));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(zeros), Is.EqualTo("[2x3]"));
            Assert.That(types.Element(zeros), Is.EqualTo(ElementType.Float));
            Assert.That(types.Reals(zeros), Is.EqualTo(new double[6]));
            Assert.That(types.Element(sevens), Is.EqualTo(ElementType.Int64));
            Assert.That(types.Ints(sevens), Is.EqualTo(new long[] { 7, 7, 7 }));
        });
    }

    [Test]
    public void Constant_reads_tensor_and_list_attributes()
    {
        var b = new Builder();
        var tensor = b.Op("Constant", Array.Empty<string>(), ("value", Builder.Tensor(ElementType.Int32, new long[] { 2 }, new[] { 4, 5 })));
        var ints = b.Op("Constant", Array.Empty<string>(), ("value_ints", new long[] { 1, -1 }));
        var real = b.Op("Constant", Array.Empty<string>(), ("value_float", 0.5f));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Element(tensor), Is.EqualTo(ElementType.Int32));
            Assert.That(types.Ints(tensor), Is.EqualTo(new long[] { 4, 5 }));
            Assert.That(types.Ints(ints), Is.EqualTo(new long[] { 1, -1 }));
            Assert.That(types.Shape(real), Is.EqualTo("[]"));
            Assert.That(types.Reals(real), Is.EqualTo(new[] { 0.5 }));
        });
    }
}
