using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Sessions;
using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Runtime.Tests.Measurement;

/// <summary>
/// Generation measured on the CPU provider with plain ONNX Runtime: the int4 GenAI-style decoder generates with its KV
/// cache fed back, and the report carries ttft, tpot and tokens per second. Structure and invariants only, no timing goal.
/// </summary>
public sealed class GenerationMeasurementTests
{
    [Test]
    public void The_int4_decoder_generates_and_reports_ttft_tpot_and_tokens_per_second()
    {
        var folder = Directory.CreateTempSubdirectory("misnomer-generation").FullName;
        try
        {
            var path = Path.Combine(folder, "decoder.onnx");
            File.WriteAllBytes(path, QuantizedDecoders.Int4("genai_int4", QuantizedDecoders.Tiny).ToBytes());
            var measured = Case(OnnxModel.Load(path), new Generation(Prompt: 12, NewTokens: 6));

            var report = new RuntimeMeasurer(MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(1) }).Measure(measured);

            double V(string name) => report[name].Value!.Value;
            Assert.Multiple(() =>
            {
                foreach (var name in new[] { "ttft", "tpot", "tokens_per_s.prefill", "tokens_per_s.decode" })
                {
                    Assert.That(report[name].Available, Is.True, name);
                    Assert.That(report[name].Samples, Is.GreaterThanOrEqualTo(GenerationMeasurer.MinimumGenerations), name);
                    Assert.That(V(name), Is.InRange(report[name].Lower!.Value, report[name].Upper!.Value), name);
                }

                Assert.That(V("tokens_per_s.prefill"), Is.EqualTo(12 * 1000 / V("ttft")).Within(1e-6));
                Assert.That(V("tokens_per_s.decode"), Is.EqualTo(1000 / V("tpot")).Within(1e-6));
                Assert.That(report.Indicators.Select(i => i.Name).ToList().IndexOf("ttft"), Is.GreaterThan(report.Indicators.Select(i => i.Name).ToList().IndexOf("throughput")));
                Assert.That(report.Warnings.Select(w => w.Message), Has.Some.Contains("'input_ids' values in [0, 511]"), "ids within the vocabulary");
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    [CancelAfter(120_000)]
    public void A_decode_step_that_never_returns_is_stopped_with_EM3010()
    {
        var folder = Directory.CreateTempSubdirectory("misnomer-generation").FullName;
        try
        {
            var measured = Case(OnnxModel.Load(EndlessDecoder(Path.Combine(folder, "endless-decoder.onnx"))), new Generation(Prompt: 4, NewTokens: 2));

            var started = System.Diagnostics.Stopwatch.StartNew();
            var error = Assert.Throws<EfficiencyException>(() => new RuntimeMeasurer(MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(1) }).Measure(measured))!;
            Assert.Multiple(() =>
            {
                Assert.That(error.Code, Is.EqualTo(ErrorCodes.InferenceStopped));
                Assert.That(error.Message, Does.Contain("did not finish within its case's time cap"));
                Assert.That(started.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)), "the generation is bounded like the timing");
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A generation case on the CPU provider at one thread, bound at its prefill, one fresh-process observation.</summary>
    private static MeasurementCase Case(OnnxModel model, Generation generation) =>
        new(System.IO.Path.GetFileNameWithoutExtension(model.Path), model, generation.Step(model, ShapeBindings.None, generation.Prompt, 0), new ProviderSelection("cpu", "requested"), new SessionSettings(1, 1))
        {
            Generation = generation,
            SpecBindings = ShapeBindings.None,
            FreshSessions = 1,
        };

    /// <summary>
    /// A one-layer cache decoder (the present is the past with the new tokens' embeddings appended) whose Loop runs
    /// 2^40 times per cached position: the prefill, with an empty cache, is instant; every decode step would run for days.
    /// </summary>
    private static string EndlessDecoder(string path)
    {
        var b = new Builder("endless_decoder", storage: WeightStorage.Random);
        var ids = b.Input("input_ids", ElementType.Int64, "batch_size", "sequence_length");
        var past = b.Input("past_key_values.0.key", ElementType.Float, "batch_size", "past_sequence_length", 4);
        var embedded = b.Op("Gather", new[] { b.Weight("embeddings", 16, 4), ids }, ("axis", 0L));
        b.Node("Concat", new[] { past, embedded }, new[] { "present.0.key" }, ("axis", 1L));
        b.Output("present.0.key", ElementType.Float, "batch_size", "total_sequence_length", 4);

        var cached = b.Op("Gather", new[] { b.Op("Shape", new[] { past }), b.Int64s("past_axis", Array.Empty<long>(), new[] { 1L }) }, ("axis", 0L));
        var trips = b.Op("Mul", new[] { cached, b.Int64s("per_position", Array.Empty<long>(), new[] { 1L << 40 }) });
        LoopModels.MatMulLoop(b, trips, b.Weight("h0", 1, 4), "logits");
        b.Output("logits", ElementType.Float, 1, 4);
        return b.Save(path);
    }
}
