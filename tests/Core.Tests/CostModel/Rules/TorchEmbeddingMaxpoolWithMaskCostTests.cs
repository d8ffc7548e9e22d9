using EfficiencyMisnomer.Tensors;
using EfficiencyMisnomer.Tests.Shapes;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>com.microsoft TorchEmbedding and MaxpoolWithMask against ONNX Runtime's contrib operator documentation.</summary>
public sealed class TorchEmbeddingMaxpoolWithMaskCostTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Torch_embedding_moves_rows_of_a_lookup_table()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var y = builder.NodeIn(Contrib, "TorchEmbedding", new[] { builder.Weight("weight", 10, 4), builder.Input("ids", ElementType.Int64, 2, 3), builder.Scalar("padding_idx", 0) },
            new[] { "y" });

        var report = builder.Analyze(y);

        // The 10 × 4 weight is a learnable lookup table; its int64 padding_idx is not a parameter.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.Zero);
            Assert.That(report.Count("params"), Is.EqualTo(40));
            Assert.That(report.Count("embedding_params"), Is.EqualTo(40));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    [Test]
    public void Maxpool_with_mask_compares_and_tests_the_mask_once_per_kernel_position()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var y = builder.NodeIn(Contrib, "MaxpoolWithMask", new[] { builder.Input("x", ElementType.Float, 1, 2, 6, 6), builder.Input("m", ElementType.Int32, 1, 2, 6, 6) },
            new[] { "y" }, ("kernel_shape", new long[] { 3, 3 }), ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }));

        var report = builder.Analyze(y);

        // Output (1, 2, 3, 3): 18 elements, each 3 · 3 positions of a compare and a mask test: 324.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.Zero);
            Assert.That(report.Count("flops"), Is.EqualTo(18 * 9 * 2));
        });
    }
}
