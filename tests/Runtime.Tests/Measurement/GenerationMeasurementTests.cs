using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Sessions;
using EfficiencyMisnomer.Shapes;

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
            var model = OnnxModel.Load(path);
            var generation = new Generation(Prompt: 12, NewTokens: 6);
            var measured = new MeasurementCase("decoder", model, generation.Step(model, ShapeBindings.None, generation.Prompt, 0),
                new ProviderSelection("cpu", "requested"), new SessionSettings(1, 1))
            {
                Generation = generation,
                SpecBindings = ShapeBindings.None,
                FreshSessions = 1,
            };

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
}
