using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Tests.Results;

public sealed class ResultsMergerTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private static EfficiencyResults Document(string machine, DateTimeOffset created, double latency, double paramsValue = 5_717_416, string verdict = "pass", double? macs = 1.25e9) => new(
        created,
        new[] { new MachineResults(machine, $"fingerprint {machine}", new Dictionary<string, string> { ["provider"] = machine.StartsWith("gpu", StringComparison.Ordinal) ? "cuda" : "cpu" }) },
        new[]
        {
            new SpecResults("vit-scaling", "specs/vit.yaml", "warn", new[]
            {
                new ModelResults("vit-d48", "specs/models/vit-d48.onnx", new Dictionary<string, double> { ["top1"] = 0.781 },
                    new[] { new IndicatorResult("params", "count", paramsValue), new IndicatorResult("macs", "MAC", macs, Note: macs is null ? "unknown" : null) },
                    new[] { Run(machine, latency) },
                    new[] { new VerdictResult("budget", "params", verdict, "params within max", "specs/vit.yaml(7,20)") }),
            }),
        });

    private static RuntimeResults Run(string machine, double latency) => new(machine, "ci", 1, "cpu", new Dictionary<string, string>(),
        new[] { new IndicatorResult("latency.p50", "s", latency, latency * 0.99, latency * 1.01, 100, true) }, new[] { latency }, Array.Empty<string>());

    [Test]
    public void Two_machines_unite_into_one_model_with_both_measurements()
    {
        var merged = ResultsMerger.Merge(new[] { Document("cpu-1", Monday, 0.003), Document("gpu-2", Monday.AddHours(1), 0.0004) });

        Assert.That(merged.Machines.Select(m => m.Id), Is.EqualTo(new[] { "cpu-1", "gpu-2" }));
        Assert.That(merged.Created, Is.EqualTo(Monday.AddHours(1)), "the newest document's time");
        var model = merged.Specs.Single().Models.Single();
        Assert.That(model.Runtime.Select(r => (r.Machine, r.Indicator("latency.p50")!.Value)), Is.EqualTo(new[] { ("cpu-1", (double?)0.003), ("gpu-2", 0.0004) }));
        Assert.That(model.Static.Select(s => s.Name), Is.EqualTo(new[] { "params", "macs" }), "static indicators once");
        Assert.That(model.Verdicts, Has.Count.EqualTo(1), "the same verdict twice is one verdict");
    }

    [Test]
    public void Different_verdicts_are_all_kept()
    {
        var merged = ResultsMerger.Merge(new[] { Document("cpu-1", Monday, 0.003), Document("gpu-2", Monday, 0.0004, verdict: "fail") });
        Assert.That(merged.Specs.Single().Models.Single().Verdicts.Select(v => v.Status), Is.EqualTo(new[] { "pass", "fail" }));
    }

    [Test]
    public void Specs_and_models_of_either_document_are_kept_in_first_seen_order()
    {
        var other = Document("gpu-2", Monday, 0.0004);
        var extraModel = other.Specs[0].Models[0] with { Name = "vit-w3072" };
        other = other with
        {
            Specs = new[]
            {
                other.Specs[0] with { Models = new[] { extraModel } },
                new SpecResults("convnets", "specs/convnets.yaml", "off", Array.Empty<ModelResults>()),
            },
        };

        var merged = ResultsMerger.Merge(new[] { Document("cpu-1", Monday, 0.003), other });

        Assert.That(merged.Specs.Select(s => s.Name), Is.EqualTo(new[] { "vit-scaling", "convnets" }));
        Assert.That(merged.Specs[0].Models.Select(m => m.Name), Is.EqualTo(new[] { "vit-d48", "vit-w3072" }));
    }

    [Test]
    public void An_unavailable_static_value_yields_to_an_available_one()
    {
        var merged = ResultsMerger.Merge(new[] { Document("cpu-1", Monday, 0.003, macs: null), Document("gpu-2", Monday, 0.0004) });
        Assert.That(merged.Specs[0].Models[0].StaticIndicator("macs")!.Value, Is.EqualTo(1.25e9));
    }

    [Test]
    public void Different_static_values_of_the_same_model_are_EM4120_naming_model_indicator_and_both_values()
    {
        var error = Assert.Throws<EfficiencyException>(() => ResultsMerger.Merge(
            new[] { Document("cpu-1", Monday, 0.003), Document("gpu-2", Monday, 0.0004, paramsValue: 5_800_000) },
            new[] { "cpu.json", "gpu.json" }))!;

        Assert.That(error.Code, Is.EqualTo("EM4120"));
        Assert.That(error.Message, Does.StartWith("gpu.json: spec 'vit-scaling', model 'vit-d48': static params is 5800000 here but 5717416 in cpu.json"));
    }

    [Test]
    public void Merging_survives_a_round_trip_through_json()
    {
        var merged = ResultsMerger.Merge(new[] { Document("cpu-1", Monday, 0.003), Document("gpu-2", Monday, 0.0004) });
        var again = ResultsJson.Parse(ResultsJson.Write(merged), "merged.json");
        Assert.That(again.Specs[0].Models[0].Runtime, Has.Count.EqualTo(2));
    }
}
