using EfficiencyMisnomer.Tensors;
using EfficiencyMisnomer.Tests.Shapes;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>
/// DecoderMaskedSelfAttention against ONNX Runtime's contrib operator documentation: one input token (B, 1, Hin), packed
/// weights (Hin, 3·N·H) with their bias, past (2, B, N, L, H), past_sequence_length with a shared buffer.
/// </summary>
public sealed class DecoderMaskedSelfAttentionCostTests
{
    private const string Contrib = "com.microsoft";
    private const long B = 2, N = 4, H = 8, Hin = 32, L = 10;

    [Test]
    public void One_new_token_is_projected_then_attends_the_past_and_itself()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var y = Step(builder, shared: false);

        var types = builder.Infer();
        var report = builder.Analyze(y);

        // Projection B·1·Hin·3NH = 2·32·96 = 6144 MACs, bias 2·96 = 192; scores B·N·1·(L + 1) = 88, each 2H MACs,
        // scale and softmax 6 per score: 7552 MACs, 2·7552 + 192 + 528 FLOPs.
        const long projection = B * Hin * 3 * N * H;
        const long scores = B * N * (L + 1);
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[2x1x32]"));
            Assert.That(types.Shape("present"), Is.EqualTo("[2x2x4x11x8]"));
            Assert.That(report.Count("macs"), Is.EqualTo(projection + (scores * 2 * H)).And.EqualTo(7552));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * 7552) + (B * 3 * N * H) + (6 * scores)).And.EqualTo(15824));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    [Test]
    public void A_shared_buffer_attends_only_the_filled_past()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var y = Step(builder, shared: true);

        var types = builder.Infer();
        var report = builder.Analyze(y);

        // The buffer holds L = 10 positions of which 6 are filled: 6 + 1 keys; the present is the buffer.
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("present"), Is.EqualTo("[2x2x4x10x8]"));
            Assert.That(report.Count("macs"), Is.EqualTo((B * Hin * 3 * N * H) + (B * N * 7 * 2 * H)));
        });
    }

    private static string Step(Builder builder, bool shared)
    {
        var inputs = new[]
        {
            builder.Input("input", ElementType.Float, B, 1, Hin), builder.Weight("weights", Hin, 3 * N * H), builder.Weight("bias", 3 * N * H), "",
            builder.Input("past", ElementType.Float, 2, B, N, L, H), "",
            shared ? builder.Int64s("past_sequence_length", Array.Empty<long>(), new[] { 6L }) : "",
        };
        return builder.NodeIn(Contrib, "DecoderMaskedSelfAttention", inputs, new[] { "y", "present" },
            ("num_heads", N), ("past_present_share_buffer", shared ? 1L : 0L));
    }
}
