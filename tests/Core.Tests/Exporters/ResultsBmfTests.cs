using System.Text.Json.Nodes;
using EfficiencyMisnomer.Exporters;

namespace EfficiencyMisnomer.Tests.Exporters;

public sealed class ResultsBmfTests
{
    private static JsonObject Bmf() => JsonNode.Parse(ResultsBmf.Write(SampleResults.Document()))!.AsObject();

    [Test]
    public void One_benchmark_per_model_and_one_per_measured_setup()
    {
        Assert.That(Bmf().Select(b => b.Key), Is.EquivalentTo(new[]
        {
            "vit-scaling/vit-d48", "vit-scaling/vit-w3072", $"vit-scaling/{SampleResults.Odd}",
            $"vit-scaling/vit-d48 [ci-cpu b1 @{SampleResults.Cpu}]", $"vit-scaling/vit-w3072 [ci-cpu b1 @{SampleResults.Cpu}]", $"vit-scaling/{SampleResults.Odd} [h200 b1 @{SampleResults.Gpu}]",
        }));
    }

    [Test]
    public void Static_measures_are_exact_values_named_after_their_indicator()
    {
        var model = Bmf()["vit-scaling/vit-d48"]!.AsObject();
        Assert.That(model.Select(m => m.Key), Is.EquivalentTo(new[] { "params", "model_size", "macs", "depth" }), "the unavailable sparsity is left out");
        Assert.That(model["params"]!.ToJsonString(), Is.EqualTo("{\"value\":5717416}"));
    }

    [Test]
    public void Measured_values_carry_their_interval_and_an_unbounded_side_is_left_out()
    {
        var run = Bmf()[$"vit-scaling/vit-d48 [ci-cpu b1 @{SampleResults.Cpu}]"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(run["latency.p50"]!["value"]!.GetValue<double>(), Is.EqualTo(0.0031));
            Assert.That(run["latency.p50"]!["lower_value"]!.GetValue<double>(), Is.EqualTo(0.0031 * 0.99));
            Assert.That(run["latency.p50"]!["upper_value"]!.GetValue<double>(), Is.EqualTo(0.0031 * 1.01));
            Assert.That(run["throughput"]!.AsObject().Select(m => m.Key), Is.EquivalentTo(new[] { "value", "lower_value" }));
            Assert.That(run.ContainsKey("energy"), Is.False);
        });
    }
}
