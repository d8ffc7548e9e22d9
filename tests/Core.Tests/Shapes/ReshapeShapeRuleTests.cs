using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class ReshapeShapeRuleTests
{
    [Test]
    public void A_vit_style_reshape_computed_from_the_runtime_shape_gets_concrete_dims()
    {
        var b = new Builder(opset: 13);
        var x = b.Input("x", ElementType.Float, "batch", 197, 768);
        var shape = b.Op("Shape", new[] { x });
        var batch = b.Op("Gather", new[] { shape, b.Scalar("zero", 0) }, ("axis", 0L));
        var batch1 = b.Op("Unsqueeze", new[] { batch, b.Int64s("axes0", 0) });
        var target = b.Op("Concat", new[] { batch1, b.Int64s("heads", 197, 12, 64) }, ("axis", 0L));
        var reshaped = b.Op("Reshape", new[] { x, target });
        var transposed = b.Op("Transpose", new[] { reshaped }, ("perm", new long[] { 0, 2, 1, 3 }));

        var types = b.Infer("batch=2");

        Assert.Multiple(() =>
        {
            Assert.That(types.Ints(shape), Is.EqualTo(new long[] { 2, 197, 768 }));
            Assert.That(types.Shape(batch), Is.EqualTo("[]"));
            Assert.That(types.Ints(batch), Is.EqualTo(new long[] { 2 }));
            Assert.That(types.Ints(batch1), Is.EqualTo(new long[] { 2 }));
            Assert.That(types.Ints(target), Is.EqualTo(new long[] { 2, 197, 12, 64 }));
            Assert.That(types.Shape(reshaped), Is.EqualTo("[2x197x12x64]"));
            Assert.That(types.Shape(transposed), Is.EqualTo("[2x12x197x64]"));
            Assert.That(types.UninferredNodes, Is.Empty);
        });
    }

    [Test]
    public void Zero_copies_the_input_dim_and_minus_one_takes_the_rest()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 4, 6, 10);
        var copied = b.Op("Reshape", new[] { x, b.Int64s("s1", 0, -1, 5) });
        var zero = b.Op("Reshape", new[] { b.Input("e", ElementType.Float, 0, 3), b.Int64s("s2", 0, 3) }, ("allowzero", 1L));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(copied), Is.EqualTo("[4x12x5]"));
            Assert.That(types.Shape(zero), Is.EqualTo("[0x3]"));
        });
    }

    [Test]
    public void An_element_count_mismatch_is_rejected()
    {
        var b = new Builder();
        b.Op("Reshape", new[] { b.Input("x", ElementType.Float, 4, 6), b.Int64s("s", 5, 5) });

        ShapeTestKit.AssertShapeMismatch(b, "Reshape_0");
    }

    [Test]
    public void Flatten_collapses_around_the_axis()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 2, 3, 4, 5);
        var two = b.Op("Flatten", new[] { x }, ("axis", 2L));
        var last = b.Op("Flatten", new[] { x }, ("axis", -1L));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(two), Is.EqualTo("[6x20]"));
            Assert.That(types.Shape(last), Is.EqualTo("[24x5]"));
        });
    }
}
