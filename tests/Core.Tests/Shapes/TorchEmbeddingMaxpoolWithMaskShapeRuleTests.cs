using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>com.microsoft TorchEmbedding and MaxpoolWithMask against ONNX Runtime's contrib operator documentation.</summary>
public sealed class TorchEmbeddingMaxpoolWithMaskShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Torch_embedding_gives_a_row_of_the_weight_per_index()
    {
        var b = new Builder().Opset(Contrib, 1);
        var y = b.NodeIn(Contrib, "TorchEmbedding", new[] { b.Weight("weight", 10, 4), b.Input("ids", ElementType.Int64, 2, 3), b.Scalar("padding_idx", 0) }, new[] { "y" });

        var types = b.Infer();

        // indices (2, 3) + M = 4.
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[2x3x4]"));
            Assert.That(types.Element(y), Is.EqualTo(ElementType.Float));
        });
    }

    [TestCase(new long[] { 10, 4, 2 }, ElementType.Int64)]
    [TestCase(new long[] { 10, 4 }, ElementType.Int32)]
    public void Torch_embedding_of_other_than_a_matrix_or_at_other_than_int64_indices_is_rejected(long[] weight, ElementType indices)
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "TorchEmbedding", new[] { b.Weight("weight", weight), b.Input("ids", indices, 2, 3) }, new[] { "y" });

        ShapeTestKit.AssertShapeMismatch(b, "TorchEmbedding_0");
    }

    [Test]
    public void Maxpool_with_mask_slides_its_windows_as_max_pool()
    {
        var b = new Builder().Opset(Contrib, 1);
        var y = b.NodeIn(Contrib, "MaxpoolWithMask", new[] { b.Input("x", ElementType.Float, 1, 2, 6, 6), b.Input("m", ElementType.Int32, 1, 1, 6, 6) }, new[] { "y" },
            ("kernel_shape", new long[] { 3, 3 }), ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }));

        // floor((6 + 2 − 3) / 2) + 1 = 3 per spatial dim; the mask's N and C may differ from X's.
        Assert.That(b.Infer().Shape(y), Is.EqualTo("[1x2x3x3]"));
    }

    [TestCase(new long[] { 1, 2, 5, 6 }, ElementType.Int32, true)]
    [TestCase(new long[] { 2, 6, 6 }, ElementType.Int32, true)]
    [TestCase(new long[] { 1, 2, 6, 6 }, ElementType.Float, true)]
    [TestCase(new long[] { 1, 2, 6, 6 }, ElementType.Int32, false)]
    public void Maxpool_with_a_mismatched_mask_or_without_kernel_shape_is_rejected(long[] mask, ElementType maskType, bool kernel)
    {
        var b = new Builder().Opset(Contrib, 1);
        var attributes = kernel ? new (string, object)[] { ("kernel_shape", new long[] { 3, 3 }) } : Array.Empty<(string, object)>();
        b.NodeIn(Contrib, "MaxpoolWithMask", new[] { b.Input("x", ElementType.Float, 1, 2, 6, 6), b.Input("m", maskType, mask.Cast<object>().ToArray()) }, new[] { "y" },
            attributes);

        ShapeTestKit.AssertShapeMismatch(b, "MaxpoolWithMask_0");
    }
}
