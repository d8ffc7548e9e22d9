using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

public sealed class EmbedLayerNormalizationCostTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Embeddings_are_summed_normalized_and_count_as_lookup_tables()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var ids = builder.Input("ids", ElementType.Int32, 2, 5);
        var segments = builder.Input("segments", ElementType.Int32, 2, 5);
        var mask = builder.Input("mask", ElementType.Int32, 2, 5);
        var inputs = new[]
        {
            ids, segments, builder.Weight("word", 100, 16), builder.Weight("position", 32, 16), builder.Weight("segment", 2, 16),
            builder.Weight("gamma", 16), builder.Weight("beta", 16), mask,
        };
        var y = builder.Declare(builder.NodeIn(Contrib, "EmbedLayerNormalization", inputs, new[] { "y", "mask_index" }), ElementType.Float, 2, 5, 16);
        builder.Declare("mask_index", ElementType.Int32, 2);

        var report = builder.Analyze(y);

        // 160 outputs: two adds, layer norm with scale and bias 7; the mask sum 10.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo((9 * 160) + 10));
            Assert.That(report.Count("params"), Is.EqualTo(1600 + 512 + 32 + 32));
            Assert.That(report.Count("embedding_params"), Is.EqualTo(1600 + 512 + 32));
        });
    }
}
