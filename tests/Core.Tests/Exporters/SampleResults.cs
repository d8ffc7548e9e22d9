using EfficiencyMisnomer.Disagreement;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Tests.Exporters;

/// <summary>A hand-built results document: two machines, three models (one with characters Markdown interprets), every kind of verdict.</summary>
internal static class SampleResults
{
    public const string Cpu = "3f2a9c1b7d0e";
    public const string Gpu = "9e8d7c6b5a41";
    public const string Odd = "vit|<w>_*&";

    public static EfficiencyResults Document() => new(
        new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero),
        new[]
        {
            new MachineResults(Cpu, "fingerprint 3f2a9c1b7d0e: provider cpu, cpu AMD EPYC 7763", new Dictionary<string, string> { ["provider"] = "cpu" }),
            new MachineResults(Gpu, "fingerprint 9e8d7c6b5a41: provider cuda, gpu NVIDIA H200", new Dictionary<string, string> { ["provider"] = "cuda" }),
        },
        new[]
        {
            new SpecResults("vit-scaling", "specs/vit.yaml", "warn", new[]
            {
                Model("vit-d48", 0.781, 5_717_416, 1_260_000_000, 48, 0.0031, Cpu,
                    new VerdictResult("budget", "params", "pass", "model 'vit-d48': params 5.72 M is within max 100 M", "specs/vit.yaml(7,20)", Measured: 5_717_416, Reference: 100e6),
                    new VerdictResult("regression", "latency.p50", "regressed", "model 'vit-d48': latency.p50 3.1 ms is 10.7% slower than the baseline 2.8 ms", "specs/vit.yaml(30,5)", "ci-cpu", 1, 0.0031, 0.0028)),
                Model("vit-w3072", 0.779, 22_000_000, 1_250_000_000, 12, 0.0012, Cpu,
                    new VerdictResult("budget", "params", "fail", "model 'vit-w3072': params 22 M is over max 20 M", "specs/vit.yaml(7,20)", Measured: 22e6, Reference: 20e6),
                    new VerdictResult("budget", "latency.p99", "unstable", "model 'vit-w3072': latency.p99 could not reach the required confidence", "specs/vit.yaml(12,9)", "ci-cpu", 1)),
                Model(Odd, 0.7, 3_000_000, 2_000_000_000, 24, 0.0025, Gpu,
                    new VerdictResult("regression", "params", "pass", "model 'vit|<w>_*&': params unchanged", Measured: 3e6, Reference: 3e6)),
            }),
        });

    /// <summary>A fixed finding, so that the report's rendering is tested apart from the detector.</summary>
    public static DisagreementReport Disagreement(SpecResults spec) => new(
        spec.Name,
        new[]
        {
            new IndicatorRanking("params", "params", null, null, null, new[] { new RankedModel(Odd, 3e6, 1), new RankedModel("vit-d48", 5.7e6, 2), new RankedModel("vit-w3072", 22e6, 3) }),
            new IndicatorRanking("macs", "macs", null, null, null, new[] { new RankedModel("vit-w3072", 1.25e9, 1), new RankedModel("vit-d48", 1.26e9, 2), new RankedModel(Odd, 2e9, 3) }),
            new IndicatorRanking("depth", "depth", null, null, null, new[] { new RankedModel("vit-w3072", 12, 1), new RankedModel(Odd, 24, 2), new RankedModel("vit-d48", 48, 3) }),
        },
        new[] { new RankCorrelation("params", "macs", -1, 3), new RankCorrelation("params", "depth", -0.33, 3), new RankCorrelation("macs", "depth", 0.33, 3) },
        new[]
        {
            new OrderFlip("vit-d48", "vit-w3072", new[] { new IndicatorDifference("params", 5.7e6, 22e6, 0.26) }, new[] { new IndicatorDifference("macs", 1.26e9, 1.25e9, 1.008), new IndicatorDifference("depth", 48, 12, 4) },
                "'vit-d48' has 3.9x fewer params than 'vit-w3072', but 'vit-w3072' needs 4x less depth."),
        });

    private static ModelResults Model(string name, double top1, double parameters, double macs, double depth, double latency, string machine, params VerdictResult[] verdicts) => new(
        name,
        $"specs/models/{name}.onnx",
        new Dictionary<string, double> { ["top1"] = top1 },
        new[]
        {
            new IndicatorResult("params", "parameters", parameters),
            new IndicatorResult("model_size", "bytes", parameters * 4 + 1234),
            new IndicatorResult("macs", "MAC", macs),
            new IndicatorResult("depth", "nodes", depth),
            new IndicatorResult("sparsity", "ratio", null, Note: "not asked for"),
        },
        new[]
        {
            new RuntimeResults(machine, machine == Cpu ? "ci-cpu" : "h200", 1, machine == Cpu ? "cpu" : "cuda", new Dictionary<string, string> { ["intra_op_threads"] = "2" },
                new[]
                {
                    new IndicatorResult("latency.p50", "s", latency, latency * 0.99, latency * 1.01, 1500, true),
                    new IndicatorResult("latency.p99", "s", latency * 1.5, latency * 1.2, latency * 2.1, 1500, name != "vit-w3072"),
                    new IndicatorResult("throughput", "/s", 1 / latency, 0.95 / latency, null, 1500, true),
                    new IndicatorResult("energy", "J", null, Samples: 0, Note: "no energy counter readable"),
                },
                new[] { latency },
                Array.Empty<string>()),
        },
        verdicts);
}
