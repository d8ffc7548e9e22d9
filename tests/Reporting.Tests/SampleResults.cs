using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Reporting.Tests;

/// <summary>A hand-built results document: four models on one machine, one of them named with markup.</summary>
internal static class SampleResults
{
    public const string Machine = "3f2a9c1b7d0e";
    public const string Hostile = "<b>vit</b> & \"wide\"";

    public static readonly string[] Models = { "vit-d48", "vit-w3072", "resnet-50", Hostile };

    public static EfficiencyResults Document() => new(
        new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero),
        new[] { new MachineResults(Machine, "fingerprint 3f2a9c1b7d0e: provider cpu", new Dictionary<string, string> { ["provider"] = "cpu" }) },
        new[]
        {
            new SpecResults("vit-scaling", "specs/vit.yaml", "warn", new[]
            {
                Model(Models[0], 0.781, 5.7e6, 1.26e9, 0.0031, new VerdictResult("budget", "params", "pass", "params within max 100 M", "specs/vit.yaml(7,20)", Measured: 5.7e6, Reference: 100e6)),
                Model(Models[1], 0.779, 22e6, 1.25e9, 0.0012, new VerdictResult("budget", "params", "fail", "params 22 M is over max 20 M", "specs/vit.yaml(7,20)", Measured: 22e6, Reference: 20e6)),
                Model(Models[2], 0.761, 25.6e6, 4.1e9, 0.0040, new VerdictResult("regression", "latency.p50", "regressed", "latency.p50 4 ms is 25% slower than the baseline 3.2 ms", null, "ci-cpu", 1, 4.0, 3.2)),
                Model(Models[3], 0.700, 3e6, 2e9, 0.0025),
            }),
        });

    private static ModelResults Model(string name, double top1, double parameters, double macs, double latency, params VerdictResult[] verdicts) => new(
        name,
        $"specs/models/{name}.onnx",
        new Dictionary<string, double> { ["top1"] = top1 },
        new[]
        {
            new IndicatorResult("params", "parameters", parameters),
            new IndicatorResult("macs", "MAC", macs),
            new IndicatorResult("flops", "FLOP", macs * 2.1),
            new IndicatorResult("unknown_ops", "nodes", 0),
        },
        new[]
        {
            new RuntimeResults(Machine, "ci-cpu", 1, "cpu", new Dictionary<string, string>(),
                new[]
                {
                    new IndicatorResult("latency.p50", "ms", latency * 1e3, latency * 0.99e3, latency * 1.01e3, 1500, true),
                    new IndicatorResult("throughput", "samples/s", 1 / latency, 0.95 / latency, 1.05 / latency, 1500, true),
                },
                new[] { latency },
                Array.Empty<string>()),
        },
        verdicts);
}
