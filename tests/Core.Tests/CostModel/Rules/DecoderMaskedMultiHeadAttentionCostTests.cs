using EfficiencyMisnomer.Tensors;
using EfficiencyMisnomer.Tests.Shapes;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>
/// DecoderMaskedMultiHeadAttention against ONNX Runtime's contrib operator documentation: one query token
/// (B, 1, N·H), past key/value (B, N, L, H), past_sequence_length with a shared buffer.
/// </summary>
public sealed class DecoderMaskedMultiHeadAttentionCostTests
{
    private const string Contrib = "com.microsoft";
    private const long B = 2, N = 4, H = 8, L = 10;

    [Test]
    public void One_new_token_attends_the_past_and_itself()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var y = Step(builder, shared: false);

        var types = builder.Infer();
        var report = builder.Analyze(y);

        // Scores B·N·1·(L + 1) = 88, each 2H MACs; scale and softmax 6 per score.
        const long scores = B * N * (L + 1);
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[2x1x32]"));
            Assert.That(types.Shape("present_key"), Is.EqualTo("[2x4x11x8]"));
            Assert.That(report.Count("macs"), Is.EqualTo(scores * 2 * H));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * scores * 2 * H) + (6 * scores)));
        });
    }

    [Test]
    public void A_shared_buffer_attends_only_the_filled_past()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var y = Step(builder, shared: true);

        var types = builder.Infer();
        var report = builder.Analyze(y);

        // The buffer holds L = 10 positions of which 6 are filled: 6 + 1 keys.
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("present_key"), Is.EqualTo("[2x4x10x8]"));
            Assert.That(report.Count("macs"), Is.EqualTo(B * N * 7 * 2 * H));
        });
    }

    private static string Step(Builder builder, bool shared)
    {
        var inputs = new[]
        {
            builder.Input("query", ElementType.Float, B, 1, N * H), builder.Input("key", ElementType.Float, B, 1, N * H), builder.Input("value", ElementType.Float, B, 1, N * H),
            "", "", builder.Input("past_key", ElementType.Float, B, N, L, H), builder.Input("past_value", ElementType.Float, B, N, L, H),
            shared ? builder.Int64s("past_sequence_length", Array.Empty<long>(), new[] { 6L }) : "",
        };
        return builder.NodeIn(Contrib, "DecoderMaskedMultiHeadAttention", inputs, new[] { "y", "present_key", "present_value" },
            ("num_heads", N), ("past_present_share_buffer", shared ? 1L : 0L));
    }
}
