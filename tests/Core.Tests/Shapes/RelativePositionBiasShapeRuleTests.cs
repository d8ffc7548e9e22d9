using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>ONNX Runtime's RelativePositionBias (T5) and GatedRelativePositionBias (DeBERTa-style).</summary>
public sealed class RelativePositionBiasShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Relative_position_bias_is_one_by_heads_by_query_by_key_length()
    {
        var b = new Builder().Opset(Contrib, 1);
        var y = b.NodeIn(Contrib, "RelativePositionBias", new[] { b.Weight("table", 32, 8), b.Scalar("q", 5), b.Scalar("k", 7) }, new[] { "y" },
            ("max_distance", 128L), ("is_bidirectional", 1L));

        Assert.That(b.Infer().Shape(y), Is.EqualTo("[1x8x5x7]"));
    }

    [Test]
    public void Relative_position_bias_lengths_known_only_at_run_time_are_symbols()
    {
        var b = new Builder().Opset(Contrib, 1);
        var y = b.NodeIn(Contrib, "RelativePositionBias",
            new[] { b.Weight("table", 32, 8), b.Input("q", ElementType.Int64), b.Input("k", ElementType.Int64) }, new[] { "y" }, ("max_distance", 128L));

        var shape = b.Infer().TypeOf(y)!.Shape!;

        Assert.Multiple(() =>
        {
            Assert.That(shape.Rank, Is.EqualTo(4));
            Assert.That(shape[1].Value, Is.EqualTo(8));
            Assert.That(shape[2].IsKnown || shape[3].IsKnown, Is.False);
        });
    }

    [Test]
    public void Relative_position_bias_rejects_a_table_that_is_not_buckets_by_heads()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "RelativePositionBias", new[] { b.Weight("table", 32, 8, 1), b.Scalar("q", 5), b.Scalar("k", 5) }, new[] { "y" },
            ("max_distance", 128L));

        ShapeTestKit.AssertShapeMismatch(b, "RelativePositionBias_0");
    }

    [Test]
    public void Gated_relative_position_bias_is_batch_by_heads_by_sequence_squared_padded_or_packed()
    {
        var b = new Builder().Opset(Contrib, 1);
        var padded = b.NodeIn(Contrib, "GatedRelativePositionBias", Inputs(b, b.Input("q", ElementType.Float, 2, 5, 16)), new[] { "padded" },
            ("num_heads", 4L));
        var packedInputs = Inputs(b, b.Input("tokens", ElementType.Float, 7, 16)).Append(b.Input("offsets", ElementType.Int32, 2, 5)).ToArray();
        var packed = b.NodeIn(Contrib, "GatedRelativePositionBias", packedInputs, new[] { "packed" }, ("num_heads", 4L));

        var types = b.Infer();

        // Batch 2 and sequence 5 from the query layer, or from token_offset (2, 5) around 7 packed tokens.
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(padded), Is.EqualTo("[2x4x5x5]"));
            Assert.That(types.Shape(packed), Is.EqualTo("[2x4x5x5]"));
        });
    }

    [Test]
    public void Gated_relative_position_bias_rejects_a_packed_query_without_offsets()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "GatedRelativePositionBias", Inputs(b, b.Input("q", ElementType.Float, 7, 16)), new[] { "y" }, ("num_heads", 4L));

        ShapeTestKit.AssertShapeMismatch(b, "GatedRelativePositionBias_0");
    }

    [Test]
    public void Gated_relative_position_bias_rejects_a_hidden_size_the_heads_do_not_divide()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "GatedRelativePositionBias", Inputs(b, b.Input("q", ElementType.Float, 2, 5, 18)), new[] { "y" }, ("num_heads", 4L));

        ShapeTestKit.AssertShapeMismatch(b, "GatedRelativePositionBias_0");
    }

    /// <summary>The query layer, then query_bias, rel_pos (1, 4, 5, 5), weight (4, 8), bias (8) and eco_a (1, 4, 1, 1).</summary>
    internal static string[] Inputs(Builder b, string query)
    {
        var suffix = query;
        return new[]
        {
            query, b.Weight($"query_bias_{suffix}", 16), b.Input($"rel_pos_{suffix}", ElementType.Float, 1, 4, 5, 5), b.Weight($"weight_{suffix}", 4, 8),
            b.Weight($"bias_{suffix}", 8), b.Weight($"eco_a_{suffix}", 1, 4, 1, 1),
        };
    }
}
