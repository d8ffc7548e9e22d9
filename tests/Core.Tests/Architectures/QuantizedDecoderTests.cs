using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Shapes;

namespace EfficiencyMisnomer.Tests.Architectures;

/// <summary>An int4 decoder as ONNX Runtime GenAI's model builder exports it, against its closed form.</summary>
public sealed class QuantizedDecoderTests
{
    private static readonly QuantizedDecoders.Size Tiny = QuantizedDecoders.Tiny;

    [TestCase(1L, 1L, 0L, false)]
    [TestCase(1L, 1L, 37L, false)]
    [TestCase(3L, 16L, 9L, false)]
    [TestCase(1L, 1L, 37L, true)]
    [TestCase(3L, 16L, 9L, true)]
    public void Params_are_the_logical_weights_and_macs_the_closed_form(long batch, long sequence, long past, bool packed)
    {
        var total = past + sequence;
        var report = StaticAnalyzer.Analyze(QuantizedDecoders.Int4("genai_int4", Tiny, packed).Load(), ShapeBindings.Parse(new[]
        {
            $"batch_size={batch}", $"sequence_length={sequence}", $"past_sequence_length={past}", $"total_sequence_length={total}",
        }));

        // Per token and layer q, k, v, o, gate, up and down at K·N MACs each; per layer Q·Kᵀ and weights·V over
        // the total length for every query head; then the lm_head.
        var tokens = batch * sequence;
        var projections = (2 * Tiny.Dim * Tiny.Dim) + (2 * Tiny.Dim * Tiny.KvDim) + (3 * Tiny.Dim * Tiny.Intermediate);
        var attention = batch * Tiny.Heads * sequence * total * 2 * Tiny.HeadSize;
        var macs = (Tiny.Layers * ((tokens * projections) + attention)) + (tokens * Tiny.Dim * Tiny.Vocab);
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("unknown_ops"), Is.Zero);
            Assert.That(report.Coverage.UninferredNodes, Is.Empty);
            Assert.That(report.Diagnostics, Is.Empty);
            Assert.That(report.Count("params"), Is.EqualTo(Tiny.Params).And.EqualTo(139_584));
            Assert.That(report.Count("embedding_params"), Is.EqualTo(Tiny.Vocab * Tiny.Dim));
            Assert.That(report.Count("macs"), Is.EqualTo(macs));
        });
    }

    [Test]
    public void The_packed_weights_are_half_a_byte_per_parameter()
    {
        var parameters = ParameterCounter.Count(QuantizedDecoders.Int4("genai_int4", Tiny).Load());
        var quantized = parameters.ParameterTensors.Where(t => t.Name.EndsWith("_Q4", StringComparison.Ordinal)).ToList();

        // The float tensors (embeddings, norms) at 4 bytes; the int4 weights at 4 bits.
        var logical = Tiny.Params - (Tiny.Vocab * Tiny.Dim) - (((2 * Tiny.Layers) + 1) * Tiny.Dim);
        Assert.Multiple(() =>
        {
            Assert.That(quantized.Sum(t => t.Tensor.ByteSize), Is.EqualTo(logical / 2));
            Assert.That(parameters.Bytes, Is.EqualTo((logical / 2) + (4 * (Tiny.Params - logical))));
        });
    }
}
