using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Runtime.Sessions;
using NUnit.Framework.Interfaces;

namespace EfficiencyMisnomer.TestAdapter.Tests;

/// <summary>Generated runtime tests against a base revision: a regression fails the test with its comparison, an unchanged model passes saying so.</summary>
[NonParallelizable]
public sealed class AgainstRevisionOutcomeTests
{
    private const string Spec = "name: stack\nmodels:\n  stack: { path: models/stack.onnx }\n" +
        "hardware:\n  cpu:\n    match: { provider: cpu }\n    threads: 1\n    budgets:\n      latency.p50: { max: 10 s }\n" +
        "regression:\n  baseline: baselines/stack.json\n  tolerance: { default: 10% }\n";

    private GitRepository repository = null!;

    [SetUp]
    public void CommitBase()
    {
        repository = GitRepository.Init();
        repository.Write("specs/stack.yaml", Spec);
        ComparisonModels.Stack(1).Save(repository.PathOf("specs/models/stack.onnx"));
        repository.Commit("base");
    }

    [TearDown]
    public void Delete() => repository.Dispose();

    [Test]
    public void A_model_four_times_deeper_than_at_the_base_fails_its_runtime_test_with_the_comparison()
    {
        ComparisonModels.Stack(4).Save(repository.PathOf("specs/models/stack.onnx"));
        var outcome = IsolatedOutcome.Of(RuntimeTest(EfficiencySettings.Default with { Provider = ProviderRequest.Cpu, TimeCap = TimeSpan.FromSeconds(3), Against = "main" }).Assert);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Failed));
            Assert.That(outcome.Message, Does.Match(@"regressed: model 'stack' \[cpu\] batch \d+: latency\.p50 .* vs base main \([0-9a-f]{8}\) .*interval.*: regressed beyond 10%"));
        });
    }

    [Test]
    public void An_unchanged_model_passes_its_runtime_test_saying_so()
    {
        var outcome = IsolatedOutcome.Of(RuntimeTest(EfficiencySettings.Default with { Provider = ProviderRequest.Cpu, Against = "main" }).Assert);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Passed));
        });
    }

    [Test]
    public void Against_from_the_test_parameters_is_read()
    {
        var (settings, problems) = EfficiencySettings.Read(name => name == EfficiencySettings.AgainstKey ? " origin/main " : null);
        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(settings.Against, Is.EqualTo("origin/main"));
        });
    }

    private EfficiencyCase RuntimeTest(EfficiencySettings settings) =>
        new EfficiencyTestPlanner(settings, FingerprintProfileMatcher.ThisMachine, () => new ProviderSelector().Select(settings.EffectiveProvider))
            .Plan(repository.PathOf("specs/*.yaml"), repository.PathOf("specs"))
            .Single(t => t.Case.Name == "stack/stack/cpu").Case;
}
