using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace EfficiencyMisnomer.TestAdapter.Tests;

/// <summary>Drives the attribute's builder as NUnit's discovery does, on throw-away spec folders.</summary>
public sealed class EfficiencySpecsAttributeTests
{
    private const string Passing = """
        name: sample
        models:
          tiny: { path: tiny.onnx }
        budgets:
          params: { max: 30k }
        hardware:
          anywhere:
            budgets:
              latency.p99: { max: 5 s }
          elsewhere:
            match: { cpu: "NoSuchCpu 9000*" }
            budgets:
              latency.p99: { max: 5 ms }
        """;

    private const string Broken = """
        name: broken
        models:
          tiny: { path: tiny.onnx }
        budgets:
          parms: { max: 30k }
        """;

    private string folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        folder = Directory.CreateTempSubdirectory("efficiency-specs-").FullName;
        File.Copy(Path.Combine(RepositoryRoot.Path, "specs", "models", "tiny-cnn.onnx"), Path.Combine(folder, "tiny.onnx"));
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void A_passing_spec_gives_a_static_test_per_model_and_a_runtime_test_per_profile()
    {
        File.WriteAllText(Path.Combine(folder, "sample.yaml"), Passing);

        var tests = Build("*.yaml");

        Assert.That(tests.Select(t => t.Name), Is.EqualTo(new[] { "sample/tiny/static", "sample/tiny/anywhere", "sample/tiny/elsewhere" }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(tests[0].RunState, Is.EqualTo(RunState.Runnable));
            Assert.That(Categories(tests[0]), Is.EqualTo(new[] { "efficiency", "efficiency-static" }));
            Assert.That(tests[1].RunState, Is.EqualTo(RunState.Runnable));
            Assert.That(Categories(tests[1]), Is.EqualTo(new[] { "efficiency", "efficiency-runtime", "anywhere" }));
            Assert.That(tests[1].Properties.Get(PropertyNames.ParallelScope), Is.EqualTo(ParallelScope.None));
            Assert.That(tests[0].Properties.ContainsKey(PropertyNames.ParallelScope), Is.False);
        }
    }

    [TestCase(new[] { "vit", "vit-b16", "static" }, "vit/vit-b16/static")]
    [TestCase(new[] { "my spec", "model (v2)", "ci=cpu" }, "my_spec/model__v2_/ci_cpu")]
    [TestCase(new[] { "a|b&c", "[x]", "it's \"q\"" }, "a_b_c/_x_/it_s__q_")]
    public void Test_names_hold_nothing_a_filter_reads_as_syntax(string[] parts, string expected) =>
        Assert.That(EfficiencyTestPlanner.TestName(parts), Is.EqualTo(expected));

    [Test]
    public void A_profile_for_other_hardware_is_skipped_with_this_machines_fingerprint()
    {
        File.WriteAllText(Path.Combine(folder, "sample.yaml"), Passing);

        var elsewhere = Build("*.yaml").Single(t => t.Name == "sample/tiny/elsewhere");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(elsewhere.RunState, Is.EqualTo(RunState.Ignored));
            Assert.That(SkipReason(elsewhere), Does.StartWith("hardware profile 'elsewhere' skipped: "));
            Assert.That(SkipReason(elsewhere), Does.Contain("this machine's"));
        }
    }

    [Test]
    public void A_broken_spec_is_a_not_runnable_test_that_points_at_the_line_and_column()
    {
        File.WriteAllText(Path.Combine(folder, "sample.yaml"), Passing);
        File.WriteAllText(Path.Combine(folder, "broken.yaml"), Broken);

        var tests = Build("*.yaml");

        var broken = tests.Single(t => t.Name == "broken.yaml");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(broken.RunState, Is.EqualTo(RunState.NotRunnable));
            Assert.That(SkipReason(broken), Does.Match(@"broken\.yaml\(5,3\): error EM\d{4}: .*parms"));
            Assert.That(tests.Where(t => t.Name.StartsWith("sample/", StringComparison.Ordinal)), Has.Exactly(3).Items, "the other spec still gives its tests");
        }
    }

    [Test]
    public void A_pattern_that_matches_nothing_is_a_not_runnable_test()
    {
        var tests = Build("none/*.yaml");

        Assert.That(tests, Has.Exactly(1).Items);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(tests[0].RunState, Is.EqualTo(RunState.NotRunnable));
            Assert.That(SkipReason(tests[0]), Does.Contain("EM3201"));
        }
    }

    [Test]
    public void A_relative_pattern_is_found_in_a_folder_above_the_test_assembly()
    {
        var builder = new EfficiencySpecsAttribute("specs/tiny-cnn.yaml");

        var tests = builder.BuildFrom(new MethodWrapper(typeof(Consumer), nameof(Consumer.Efficiency)), null).ToList();

        Assert.That(tests.Select(t => t.Name), Does.Contain("tiny-cnn/tiny-cnn/static"));
    }

    private List<TestMethod> Build(string pattern)
    {
        var builder = new EfficiencySpecsAttribute(Path.Combine(folder, pattern));
        return builder.BuildFrom(new MethodWrapper(typeof(Consumer), nameof(Consumer.Efficiency)), null).ToList();
    }

    private static string[] Categories(Test test) => test.Properties[PropertyNames.Category].Cast<string>().ToArray();

    private static string? SkipReason(Test test) => test.Properties.Get(PropertyNames.SkipReason) as string;

    /// <summary>A method the attribute could sit on; never run here.</summary>
    private static class Consumer
    {
        public static void Efficiency(EfficiencyCase efficiencyCase) => efficiencyCase.Assert();
    }
}
