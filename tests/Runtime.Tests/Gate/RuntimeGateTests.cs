using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Runtime.Hardware;
using EfficiencyMisnomer.Runtime.Tests.Hardware;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Sessions;

namespace EfficiencyMisnomer.Runtime.Tests.Gate;

public sealed class RuntimeGateTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder()
    {
        folder = ModelFolder.WithTinyCnn();
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void An_impossible_latency_budget_fails_naming_indicator_interval_limit_profile_and_location()
    {
        var spec = Path.Combine(folder, "spec.yaml");
        File.WriteAllText(spec, "models:\n  tiny: { path: models/tiny-cnn.onnx }\nbind: { batch: 1 }\nhardware:\n  ci-cpu:\n    match: { provider: cpu }\n    threads: 1\n    budgets:\n      latency.p50: { max: 1 us }\n");
        var result = RuntimeGate.Run(new[] { spec }, new RuntimeGateOptions
        {
            Provider = ProviderRequest.Cpu,
            Measurement = MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(1) },
        });

        var verdict = result.Cases.Single().Verdicts.Single();
        var diagnostic = result.Diagnostics.Single(d => d.Code == "EM2101");
        Assert.Multiple(() =>
        {
            Assert.That(verdict.Status, Is.EqualTo(VerdictStatus.Fail));
            Assert.That(verdict.Message, Does.Match(@"^model 'tiny' \[ci-cpu\]: latency\.p50 [\d.]+ [mu]s \(±[\d.]+ [nmu]s\) exceeds max 1 us$"));
            Assert.That(diagnostic.ToString(), Does.StartWith($"{spec}(9,27): error EM2101: "));
            Assert.That(result.Passed, Is.False);
        });
    }

    [Test]
    public void A_wide_interval_entirely_within_the_limit_is_a_pass_not_unstable()
    {
        // A 0.3 s cap leaves p99's interval far wider than the ±2% target, yet wholly below 1 s.
        var spec = Path.Combine(folder, "spec.yaml");
        File.WriteAllText(spec, "models:\n  tiny: { path: models/tiny-cnn.onnx }\nbind: { batch: 1 }\nhardware:\n  ci-cpu:\n    match: { provider: cpu }\n    threads: 1\n    budgets:\n      latency.p99: { max: 1 s }\n");
        var result = RuntimeGate.Run(new[] { spec }, new RuntimeGateOptions
        {
            Provider = ProviderRequest.Cpu,
            Measurement = MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(0.3) },
        });

        var verdict = result.Cases.Single().Verdicts.Single();
        Assert.Multiple(() =>
        {
            Assert.That(verdict.Status, Is.EqualTo(VerdictStatus.Pass), verdict.Message);
            Assert.That(verdict.Message, Does.Contain("latency.p99").And.Contain("is within max 1 s"));
        });
    }

    [Test]
    public void A_profile_for_other_hardware_is_skipped_with_this_machines_fingerprint()
    {
        var spec = Path.Combine(folder, "spec.yaml");
        File.WriteAllText(spec, "models:\n  tiny: { path: models/tiny-cnn.onnx }\nbind: { batch: 1 }\nhardware:\n  big-iron:\n    match: { provider: cpu, cpu: \"*Xeon Platinum*\" }\n    budgets:\n      latency.p50: { max: 1 us }\n");
        var matcher = new FingerprintProfileMatcher(new HardwareFingerprintReader(
            ProcCpuInfo.FromText(Machines.EpycCpuInfo()), FakeNvml.Absent(), () => Machines.Host));

        var result = RuntimeGate.Run(new[] { spec }, new RuntimeGateOptions
        {
            Provider = ProviderRequest.Cpu,
            Matcher = matcher,
            Measurement = MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(1) },
        });

        var skipped = result.Diagnostics.Single(d => d.Code == "EM3102");
        Assert.Multiple(() =>
        {
            Assert.That(skipped.Message, Does.StartWith("hardware profile 'big-iron' skipped: cpu"));
            Assert.That(skipped.Message, Does.Contain("fingerprint").And.Contain("EPYC"));
            Assert.That(skipped.Location!.File, Is.EqualTo(spec));
            Assert.That(result.Cases.SelectMany(c => c.Verdicts).Where(v => v.Indicator == "latency.p50"), Is.Empty, "the skipped profile's budget is not evaluated");
        });
    }

    [Test]
    public void Required_cuda_without_its_libraries_measures_nothing_and_fails_cleanly()
    {
        var spec = Path.Combine(folder, "spec.yaml");
        File.WriteAllText(spec, "models:\n  tiny: { path: models/tiny-cnn.onnx }\n");
        var result = RuntimeGate.Run(new[] { spec }, new RuntimeGateOptions { Provider = ProviderRequest.Cuda, Probe = new AbsentCuda() });
        Assert.Multiple(() =>
        {
            Assert.That(result.Cases, Is.Empty);
            Assert.That(result.Passed, Is.False);
            Assert.That(result.Diagnostics.Single().Message, Does.StartWith("CUDA unavailable: libcudart.so.13"));
        });
    }

    private sealed class AbsentCuda : ICudaProbe
    {
        public CudaProbeResult Probe() => CudaProbeResult.Absent("libcudart.so.13: cannot open shared object file");
    }
}
