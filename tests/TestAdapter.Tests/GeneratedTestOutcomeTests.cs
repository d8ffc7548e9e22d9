using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Runtime.Hardware;
using EfficiencyMisnomer.Runtime.Sessions;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace EfficiencyMisnomer.TestAdapter.Tests;

/// <summary>
/// What a generated test ends as when run on this machine: its run state as planned, then the outcome of its body,
/// run in an isolated NUnit context so that the failure it records is inspected instead of failing this test.
/// </summary>
public sealed class GeneratedTestOutcomeTests
{
    private const string Spec = """
        name: sample
        models:
          tiny: { path: tiny.onnx }
        bind: { batch: 1 }
        budgets:
          params: { max: 30k }
        hardware:
          gpu:
            match: { provider: cuda }
            budgets:
              latency.p50: { max: 1 s }
          elsewhere:
            match: { provider: cpu, cpu: "NoSuchCpu 9000*" }
            budgets:
              latency.p50: { max: 1 s }
        """;

    private const string Broken = """
        name: broken
        models:
          tiny: { path: tiny.onnx }
        budgets:
          params: { max: 30 parsecs }
        """;

    private string folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        folder = Directory.CreateTempSubdirectory("efficiency-outcomes-").FullName;
        File.Copy(Path.Combine(RepositoryRoot.Path, "specs", "models", "tiny-cnn.onnx"), Path.Combine(folder, "tiny.onnx"));
        File.WriteAllText(Path.Combine(folder, "sample.yaml"), Spec);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Requiring_cuda_on_a_machine_without_it_fails_the_runtime_test_with_the_loaders_reason()
    {
        var cuda = new ProviderSelector().Select(ProviderRequest.Cuda);
        Assume.That(cuda.Failure, Is.Not.Null, "CUDA is usable on this machine");
        var settings = EfficiencySettings.Default with { RequireCuda = true };

        var gpu = Plan(settings).Single(t => t.Case.Name == "sample/tiny/gpu");
        var outcome = Run(gpu.Case);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(gpu.RunState, Is.EqualTo(RunState.Runnable), "neither skipped nor ignored");
            Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Failed));
            Assert.That(outcome.Message, Does.Contain("error EM3001: CUDA unavailable: " + cuda.Reason.TrimEnd('.')));
        }
    }

    [Test]
    public void Asking_for_cuda_without_requiring_it_skips_the_runtime_test_with_the_loaders_reason()
    {
        var cuda = new ProviderSelector().Select(ProviderRequest.Cuda);
        Assume.That(cuda.Failure, Is.Not.Null, "CUDA is usable on this machine");
        var settings = EfficiencySettings.Default with { Provider = ProviderRequest.Cuda };

        var gpu = Plan(settings).Single(t => t.Case.Name == "sample/tiny/gpu");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(gpu.RunState, Is.EqualTo(RunState.Ignored));
            Assert.That(gpu.Reason, Does.Contain(cuda.Reason.TrimEnd('.')).And.Contain("efficiency.requireCuda"));
        }
    }

    [Test]
    public void A_profile_for_other_hardware_is_skipped_with_this_machines_fingerprint_id()
    {
        var fingerprint = new HardwareFingerprintReader(EnvironmentCpuInfo.ForThisMachine(), new NativeNvml()).Read(ProviderSelection.Cpu);

        var elsewhere = Plan(EfficiencySettings.Default with { Provider = ProviderRequest.Cpu }).Single(t => t.Case.Name == "sample/tiny/elsewhere");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(elsewhere.RunState, Is.EqualTo(RunState.Ignored));
            Assert.That(elsewhere.Reason, Does.StartWith("hardware profile 'elsewhere' skipped: ").And.Contain(fingerprint.Id).And.Contain(fingerprint.Cpu.Model));
        }
    }

    [Test]
    public void A_broken_spec_is_a_not_runnable_test_that_fails_with_its_location_when_run_anyway()
    {
        File.WriteAllText(Path.Combine(folder, "broken.yaml"), Broken);

        var broken = Plan(EfficiencySettings.Default with { Provider = ProviderRequest.Cpu }).Single(t => t.Case.Name == "broken.yaml");
        var outcome = Run(broken.Case);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(broken.RunState, Is.EqualTo(RunState.NotRunnable));
            Assert.That(broken.Reason, Does.Match(@"broken\.yaml\(5,\d+\): error EM\d{4}: "));
            Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Failed));
            Assert.That(outcome.Message, Is.EqualTo(broken.Reason));
        }
    }

    private IReadOnlyList<PlannedTest> Plan(EfficiencySettings settings) =>
        new EfficiencyTestPlanner(settings, FingerprintProfileMatcher.ThisMachine, () => new ProviderSelector().Select(settings.EffectiveProvider))
            .Plan(Path.Combine(folder, "*.yaml"), folder);

    private static AssertionResult Run(EfficiencyCase efficiencyCase) => IsolatedOutcome.Of(efficiencyCase.Assert);
}
