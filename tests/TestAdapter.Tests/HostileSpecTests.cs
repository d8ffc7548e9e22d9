using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Runtime.Sessions;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace EfficiencyMisnomer.TestAdapter.Tests;

/// <summary>
/// Specs that could hang discovery, forge lines in a test log, or make a test end in an exception: each becomes a
/// test that says what is wrong with its code.
/// </summary>
public sealed class HostileSpecTests
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        folder = Directory.CreateTempSubdirectory("efficiency-hostile-").FullName;
        File.Copy(Path.Combine(RepositoryRoot.Path, "specs", "models", "tiny-cnn.onnx"), Path.Combine(folder, "tiny.onnx"));
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void A_fifo_matched_as_a_spec_is_a_not_runnable_test_found_at_once()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(folder, "pipe.yaml"));
        try
        {
            var tests = SpecialFiles.WithinSeconds(20, () => Plan(EfficiencySettings.Default));
            var test = tests.Single();
            Assert.Multiple(() =>
            {
                Assert.That(test.RunState, Is.EqualTo(RunState.NotRunnable));
                Assert.That(test.Reason, Does.Contain("error EM5001: spec file").And.Contain("is a FIFO (named pipe)"));
            });
        }
        finally
        {
            SpecialFiles.Release(fifo);
        }
    }

    [Test]
    public void A_fifo_as_a_model_fails_its_test_at_once_with_the_code()
    {
        File.WriteAllText(Path.Combine(folder, "sample.yaml"), "name: sample\nmodels:\n  tiny: { path: pipe.onnx }\nbudgets:\n  params: { max: 30k }\n");
        var fifo = SpecialFiles.Fifo(Path.Combine(folder, "pipe.onnx"));
        try
        {
            var tests = SpecialFiles.WithinSeconds(20, () => Plan(EfficiencySettings.Default));
            Assert.That(tests.Single().Reason, Does.Contain("error EM5001: model 'tiny': 'pipe.onnx' is a FIFO (named pipe)"));
        }
        finally
        {
            SpecialFiles.Release(fifo);
        }
    }

    [Test]
    public void Names_from_the_spec_are_escaped_in_test_names()
    {
        File.WriteAllText(Path.Combine(folder, "sample.yaml"),
            "name: \"s\\n::error::forged\"\nmodels:\n  \"tiny\\e[31m\\r\": { path: tiny.onnx }\nhardware:\n  \"p\\nq\":\n    budgets:\n      latency.p50: { max: 1 s }\n");

        var tests = Plan(EfficiencySettings.Default with { Provider = ProviderRequest.Cpu });

        Assert.That(tests.Select(t => t.Case.Name), Is.EqualTo(new[] { "s_n::error::forged/tiny_u001b_31m_r/static", "s_n::error::forged/tiny_u001b_31m_r/p_nq" }));
    }

    [Test]
    public void A_result_file_that_cannot_be_written_fails_the_test_with_a_code_not_an_exception()
    {
        File.WriteAllText(Path.Combine(folder, "sample.yaml"), "name: sample\nmodels:\n  tiny: { path: tiny.onnx }\nbudgets:\n  params: { max: 30k }\n");
        var results = Directory.CreateDirectory(Path.Combine(folder, "results")).FullName;
        // The static report's file name is taken by a link: the writer refuses it.
        SpecialFiles.Link(Path.Combine(results, "sample.tiny.static.json"), Path.Combine(folder, "tiny.onnx"));
        var test = Plan(EfficiencySettings.Default with { Results = results }).Single(t => t.Case.Name == "sample/tiny/static");

        var outcome = IsolatedOutcome.Of(test.Case.Assert);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Failed));
            Assert.That(outcome.Message, Does.Contain("error EM5003: ").And.Contain("is a symbolic link"));
            Assert.That(new FileInfo(Path.Combine(folder, "tiny.onnx")).Length, Is.GreaterThan(1000), "the link's target is untouched");
        });
    }

    private IReadOnlyList<PlannedTest> Plan(EfficiencySettings settings) =>
        new EfficiencyTestPlanner(settings, FingerprintProfileMatcher.ThisMachine, () => new ProviderSelector().Select(settings.EffectiveProvider))
            .Plan(Path.Combine(folder, "*.yaml"), folder);
}
