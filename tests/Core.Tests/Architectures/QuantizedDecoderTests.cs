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

        var macs = ClosedFormMacs(batch, sequence, past);
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

    /// <summary>
    /// Per token and layer q, k, v, o, gate, up and down at K·N MACs each; per layer Q·Kᵀ and weights·V over the total
    /// length for every query head; then the lm_head.
    /// </summary>
    private static long ClosedFormMacs(long batch, long sequence, long past)
    {
        var tokens = batch * sequence;
        var projections = (2 * Tiny.Dim * Tiny.Dim) + (2 * Tiny.Dim * Tiny.KvDim) + (3 * Tiny.Dim * Tiny.Intermediate);
        var attention = batch * Tiny.Heads * sequence * (past + sequence) * 2 * Tiny.HeadSize;
        return (Tiny.Layers * ((tokens * projections) + attention)) + (tokens * Tiny.Dim * Tiny.Vocab);
    }

    [TestCase(8L, 4L, false)]
    [TestCase(20L, 11L, true)]
    public void Generation_costs_the_prefill_and_the_last_decode_step_and_sizes_the_cache_at_the_final_length(long prompt, long newTokens, bool packed)
    {
        var report = StaticAnalyzer.Analyze(QuantizedDecoders.Int4("genai_int4", Tiny, packed).Load(), new AnalysisOptions
        {
            Generation = new Generation(prompt, newTokens),
        });

        // Per layer a key and a value cache of kv_heads × length × head_size floats.
        var cache = Tiny.Layers * 2 * Tiny.KvHeads * (prompt + newTokens) * Tiny.HeadSize * sizeof(float);
        Assert.Multiple(() =>
        {
            Assert.That(report.Diagnostics, Is.Empty, "the steps bind every symbolic dimension: no binding is needed");
            Assert.That(report.Count("macs_prefill"), Is.EqualTo(ClosedFormMacs(1, prompt, 0)));
            Assert.That(report.Count("macs"), Is.EqualTo(report.Count("macs_prefill")), "the report is the prefill's");
            Assert.That(report.Count("macs_per_token"), Is.EqualTo(ClosedFormMacs(1, 1, prompt + newTokens - 1)));
            Assert.That(report.Count("kv_cache"), Is.EqualTo(cache));
            Assert.That(report.Inputs["past_key_values.0.key"].Shape!.ToSizes(), Is.EqualTo(new[] { 1, Tiny.KvHeads, 0, Tiny.HeadSize }));
            Assert.That(report.Inputs["attention_mask"].Shape!.ToSizes(), Is.EqualTo(new[] { 1, prompt }));
        });
    }

    [Test]
    public void A_model_without_generation_has_no_generation_indicators()
    {
        var report = StaticAnalyzer.Analyze(QuantizedDecoders.Int4("genai_int4", Tiny).Load(), ShapeBindings.Parse(new[]
        {
            "batch_size=1", "sequence_length=4", "past_sequence_length=0", "total_sequence_length=4",
        }));

        Assert.That(report.Indicators.Select(i => i.Name), Has.No.Member("macs_prefill").And.No.Member("macs_per_token").And.No.Member("kv_cache"));
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
