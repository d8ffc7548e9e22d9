using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Tensors;
using EfficiencyMisnomer.Tests.Shapes;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>GatherBlockQuantized against ONNX Runtime's contrib operator documentation: 4-bit data packed two per uint8 byte.</summary>
public sealed class GatherBlockQuantizedCostTests
{
    private const string Contrib = "com.microsoft";
    private const long Vocab = 100, Dim = 64, BlockSize = 32;

    [Test]
    public void An_int4_embedding_is_a_lookup_of_its_logical_size_dequantized_per_gathered_element()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var y = Embedding(builder);

        var types = builder.Infer("batch=2", "seq=5");
        builder.Output(y);
        var report = StaticAnalyzer.Analyze(builder.Load(), ShapeBindings.Parse(new[] { "batch=2", "seq=5" }));

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[2x5x64]"));
            Assert.That(types.Element(y), Is.EqualTo(ElementType.Float));
            Assert.That(report.Count("params"), Is.EqualTo(Vocab * Dim));
            Assert.That(report.Count("embedding_params"), Is.EqualTo(Vocab * Dim));
        });
    }

    [Test]
    public void Dequantizing_the_gathered_rows_is_two_flops_each()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var y = builder.Declare(Embedding(builder, batch: 2, seq: 5), ElementType.Float, 2, 5, Dim);

        Assert.That(builder.Analyze(y).Count("flops"), Is.EqualTo(2 * 2 * 5 * Dim));
    }

    private static string Embedding(Builder builder, object? batch = null, object? seq = null)
    {
        var ids = builder.Input("input_ids", ElementType.Int64, batch ?? "batch", seq ?? "seq");
        var data = builder.Initializer("embed.weight_Q4", ElementType.UInt8, new[] { Vocab, Dim / 2 });
        var scales = builder.Weight("embed.scales", Vocab, Dim / BlockSize);
        var zeros = builder.Initializer("embed.zero_points", ElementType.UInt8, new[] { Vocab, Dim / BlockSize / 2 });
        return builder.NodeIn(Contrib, "GatherBlockQuantized", new[] { data, ids, scales, zeros }, new[] { "embeddings" },
            ("gather_axis", 0L), ("quantize_axis", 1L), ("block_size", BlockSize), ("bits", 4L));
    }
}
