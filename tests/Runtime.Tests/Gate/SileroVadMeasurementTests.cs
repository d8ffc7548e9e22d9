using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Sessions;

namespace EfficiencyMisnomer.Runtime.Tests.Gate;

/// <summary>
/// The real silero VAD models measured as a spec declares them: v5 and v6 with <c>sr: 16000</c> and a 1x512 chunk, v4
/// with its LSTM state bound. The files come from scripts/fetch-silero.sh (npm); without them the test is skipped.
/// </summary>
[Category("RealExports")]
[NonParallelizable]
public sealed class SileroVadMeasurementTests
{
    private const string Spec = "name: silero\nmodels:\n" +
        "  v5:\n    path: models/silero_vad_v5.onnx\n    inputs:\n      input: { shape: [1, 512] }\n      state: { shape: [2, 1, 128] }\n      sr: { value: 16000 }\n" +
        "  v6:\n    path: models/silero_vad_v6.onnx\n    inputs:\n      input: { shape: [1, 512] }\n      state: { shape: [2, 1, 128] }\n      sr: { value: 16000 }\n" +
        "  v4:\n    path: models/silero_vad_legacy.onnx\n    bind: { batch: 1 }\n    inputs:\n      input: { shape: [1, 512] }\n      sr: { value: 16000 }\n" +
        "hardware:\n  cpu:\n    match: { provider: cpu }\n    threads: 1\n    budgets:\n      latency.p50: { max: 1 s }\n";

    [Test]
    public void Each_version_is_analysed_and_measured_with_its_declared_sample_rate()
    {
        var source = Path.Combine(RepositoryRoot.Path, ".models", "silero");
        if (!File.Exists(Path.Combine(source, "silero_vad_v5.onnx")))
        {
            Assert.Ignore("silero VAD models not found: run scripts/fetch-silero.sh (needs npm and the npm registry)");
        }

        var folder = Path.Combine(Path.GetTempPath(), "misnomer-runtime-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "models"));
        try
        {
            foreach (var file in Directory.GetFiles(source, "*.onnx"))
            {
                File.Copy(file, Path.Combine(folder, "models", Path.GetFileName(file)));
            }

            File.WriteAllText(Path.Combine(folder, "silero.yaml"), Spec);
            var result = RuntimeGate.Run(new[] { Path.Combine(folder, "silero.yaml") }, new RuntimeGateOptions
            {
                Provider = ProviderRequest.Cpu,
                Measurement = MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(1) },
            });

            Assert.Multiple(() =>
            {
                Assert.That(result.Passed, Is.True, string.Join("\n", result.AllDiagnostics));
                Assert.That(result.Cases.Select(c => c.ModelName), Is.EquivalentTo(new[] { "v5", "v6", "v4" }));
                Assert.That(result.Cases.Select(c => c.Report["latency.p50"].Value), Has.All.GreaterThan(0));
                Assert.That(result.Static!.Models.Select(m => m.Report?.Count("unknown_ops")), Has.All.EqualTo(0));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
