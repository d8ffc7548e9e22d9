using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class EinsumShapeRuleTests
{
    [Test]
    public void Explicit_attention_scores()
    {
        var b = new Builder();
        var q = b.Input("q", ElementType.Float, 2, 12, 197, 64);
        var k = b.Input("k", ElementType.Float, 2, 12, 197, 64);
        var y = b.Op("Einsum", new[] { q, k }, ("equation", "bhid,bhjd->bhij"));

        Assert.That(b.Infer().Shape(y), Is.EqualTo("[2x12x197x197]"));
    }

    [Test]
    public void Implicit_output_lists_single_labels_alphabetically_after_the_ellipsis()
    {
        var b = new Builder();
        var product = b.Op("Einsum", new[] { b.Input("a", ElementType.Float, 3, 4), b.Input("b", ElementType.Float, 4, 5) }, ("equation", "ij,jk"));
        var transposed = b.Op("Einsum", new[] { b.Input("c", ElementType.Float, 3, 4) }, ("equation", "ba"));
        var batched = b.Op("Einsum", new[] { b.Input("d", ElementType.Float, 2, 3, 4), b.Input("e", ElementType.Float, 4, 5) }, ("equation", "...ij, ...jk"));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(product), Is.EqualTo("[3x5]"));
            Assert.That(types.Shape(transposed), Is.EqualTo("[4x3]"));
            Assert.That(types.Shape(batched), Is.EqualTo("[2x3x5]"));
        });
    }

    [Test]
    public void A_label_with_two_sizes_is_rejected()
    {
        var b = new Builder();
        b.Op("Einsum", new[] { b.Input("a", ElementType.Float, 3, 4), b.Input("b", ElementType.Float, 5, 6) }, ("equation", "ij,jk->ik"));

        ShapeTestKit.AssertShapeMismatch(b, "Einsum_0");
    }
}
