using EfficiencyMisnomer.Tensors;
using EfficiencyMisnomer.Tests.Shapes;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>
/// SparseAttention against ONNX Runtime's contrib operator documentation: a block-sparse layout in CSR
/// form (block_row_indices, block_col_indices), blocks of sparse_block_size, past/present sharing one buffer.
/// </summary>
public sealed class SparseAttentionCostTests
{
    private const string Contrib = "com.microsoft";
    private const long B = 1, N = 2, G = 1, H = 8, Block = 4, Cache = 16;

    [Test]
    public void Only_the_kept_key_blocks_are_attended()
    {
        // Layout: block row 0 keeps block 0; block row 1 keeps blocks 0 and 1. A prompt of 8 tokens: the 4
        // queries of row 0 attend 4 keys each, the 4 of row 1 attend 8 each, 48 per head.
        var builder = new Builder().Opset(Contrib, 1);
        var y = Prompt(builder, total: 8);

        var types = builder.Infer();
        var report = builder.Analyze(y);

        const long scores = B * N * 48;
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[1x8x16]"));
            Assert.That(types.Shape("present_key"), Is.EqualTo("[1x1x16x8]"));
            Assert.That(report.Count("macs"), Is.EqualTo(scores * 2 * H));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * scores * 2 * H) + (6 * scores)));
        });
    }

    [Test]
    public void A_total_length_known_only_at_run_time_is_read_as_the_buffer_an_upper_bound()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var y = Prompt(builder, total: null);

        Assert.That(builder.Analyze(y).Count("macs"), Is.EqualTo(B * N * 8 * Cache * 2 * H));
    }

    private static string Prompt(Builder builder, long? total)
    {
        var inputs = new[]
        {
            builder.Input("query", ElementType.Float, B, 8, N * H), builder.Input("key", ElementType.Float, B, 8, G * H), builder.Input("value", ElementType.Float, B, 8, G * H),
            builder.Input("past_key", ElementType.Float, B, G, Cache, H), builder.Input("past_value", ElementType.Float, B, G, Cache, H),
            Int32s(builder, "block_row_indices", new long[] { 1, 3 }, 0, 1, 3), Int32s(builder, "block_col_indices", new long[] { 1, 3 }, 0, 0, 1),
            total is { } length ? Int32s(builder, "total_sequence_length", Array.Empty<long>(), (int)length) : builder.Input("total_sequence_length", ElementType.Int32),
            builder.Input("key_total_sequence_lengths", ElementType.Int32, B),
        };
        return builder.NodeIn(Contrib, "SparseAttention", inputs, new[] { "y", "present_key", "present_value" },
            ("num_heads", N), ("kv_num_heads", G), ("sparse_block_size", Block));
    }

    /// <summary>An int32 initializer, the index type the operator documents.</summary>
    private static string Int32s(Builder builder, string name, long[] dims, params int[] values)
    {
        var tensor = Builder.Tensor(ElementType.Int32, dims, values);
        tensor.Name = name;
        builder.Graph.Initializer.Add(tensor);
        return name;
    }
}
