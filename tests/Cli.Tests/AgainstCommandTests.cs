using EfficiencyMisnomer.ModelBuilder;

namespace EfficiencyMisnomer.Cli.Tests;

/// <summary>
/// <c>--against REF</c> on <c>misnomer run</c> and <c>misnomer check</c>: the verdicts and exit codes of a comparison with a
/// base revision, and every way the revision can be wrong, as coded errors at the flag or the spec's key.
/// </summary>
[NonParallelizable]
public sealed class AgainstCommandTests
{
    private const string Spec = "name: stack\nmodels:\n  stack: { path: models/stack.onnx }\nbudgets:\n  params: { max: 10M }\n" +
        "hardware:\n  ci-cpu:\n    match: { provider: cpu }\n    threads: 1\n    budgets:\n      latency.p50: { max: 10 s }\n" +
        "regression:\n  tolerance: { default: 10%, params: 0% }\n  against: main\n";

    private GitRepository repository = null!;

    private string SpecPath => repository.PathOf("specs/stack.yaml");

    private string ModelPath => repository.PathOf("specs/models/stack.onnx");

    [SetUp]
    public void CommitBase()
    {
        repository = GitRepository.Init();
        repository.Write("specs/stack.yaml", Spec);
        ComparisonModels.Stack(1).Save(ModelPath);
        repository.Commit("base");
    }

    [TearDown]
    public void Delete() => repository.Dispose();

    [Test]
    public void Run_against_the_same_network_re_saved_exits_zero()
    {
        ComparisonModels.Resave(ModelPath);
        var (code, stdout, stderr) = CliRunner.Run("run", SpecPath, "--provider", "cpu", "--time-cap", "3", "--against", "main");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stderr);
            Assert.That(stderr, Does.Not.Contain("EM4010"));
            Assert.That(stdout, Does.Contain("against base main ("));
            // Settled as pass on a quiet machine; a loaded one may leave it inconclusive in 3 s, never regressed.
            Assert.That(stdout, Does.Match(@"latency\.p50 +[\d.]+ [mu]s +[\d.]+ [mu]s +[+-][\d.]+% +[+-][\d.]+% to [+-][\d.]+% +(pass|inconclusive)"));
        });
    }

    [Test]
    public void Run_against_a_network_four_times_deeper_exits_one_with_EM4010_on_latency_and_params()
    {
        ComparisonModels.Stack(4).Save(ModelPath);
        var (code, stdout, stderr) = CliRunner.Run("run", SpecPath, "--provider", "cpu", "--time-cap", "3", "--against", "main");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Match(@"error EM4010: model 'stack' \[ci-cpu\] batch \d+: latency\.p50 .* vs base main \("));
            Assert.That(stderr, Does.Match(@"error EM4010: model 'stack': params .* vs base main \("));
            Assert.That(stdout, Does.Match(@"latency\.p50 .* regressed"));
        });
    }

    [Test]
    public void Check_against_compares_the_static_indicators_only()
    {
        ComparisonModels.Stack(2).Save(ModelPath);
        var (code, _, stderr) = CliRunner.Run("check", SpecPath, "--against", "main");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Match(@"specs/stack\.yaml\(13,\d+\): error EM4010: model 'stack': params .* vs base main \([0-9a-f]{8}\) .*: regressed beyond 0%"));
        });
    }

    [Test]
    public void An_unchanged_model_is_said_once_and_not_measured()
    {
        var (code, stdout, stderr) = CliRunner.Run("run", SpecPath, "--provider", "cpu", "--against", "main");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stderr);
            Assert.That(stderr, Does.Contain("info EM4037: model 'stack' [ci-cpu] is byte-identical at base main ("));
            Assert.That(stdout, Does.Contain("0 case(s)"));
        });
    }

    [Test]
    public void A_folder_holding_a_checkout_of_the_base_is_a_base_too()
    {
        using var checkout = new GitRepository();
        checkout.Write("specs/stack.yaml", Spec);
        ComparisonModels.Stack(1).Save(checkout.PathOf("specs/models/stack.onnx"));
        ComparisonModels.Stack(2).Save(ModelPath);
        var (code, _, stderr) = CliRunner.Run("check", SpecPath, "--against", checkout.Root);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain("vs base folder "));
        });
    }

    [Test]
    public void An_unknown_revision_on_the_command_line_is_EM4030_at_the_flag()
    {
        var (code, stdout, stderr) = CliRunner.Run("check", SpecPath, "--against", "origin/no-such-branch");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain("command line: --against: error EM4030: revision 'origin/no-such-branch' is not known"));
            AssertNoStackTrace(stdout + stderr);
        });
    }

    [Test]
    public void An_unknown_revision_in_the_spec_is_EM4030_at_its_key()
    {
        repository.Write("specs/stack.yaml", Spec.Replace("against: main", "against: v9.9", StringComparison.Ordinal));
        var (code, _, stderr) = CliRunner.Run("check", SpecPath);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain($"{SpecPath}(14,12): error EM4030: revision 'v9.9' is not known"));
        });
    }

    [Test]
    public void A_spec_outside_any_repository_is_EM4031()
    {
        var outside = CliRunner.TempFolder();
        try
        {
            File.WriteAllText(Path.Combine(outside, "stack.yaml"), Spec);
            ComparisonModels.Stack(1).Save(Path.Combine(outside, "models", "stack.onnx"));
            var (code, stdout, stderr) = CliRunner.Run("check", Path.Combine(outside, "stack.yaml"), "--against", "main");
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(1));
                Assert.That(stderr, Does.Contain("error EM4031: 'main' is not a git revision here"));
                AssertNoStackTrace(stdout + stderr);
            });
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Test]
    public void A_shallow_clone_without_the_base_is_EM4032_saying_which_fetch()
    {
        var first = repository.Git("rev-parse", "HEAD");
        ComparisonModels.Stack(2).Save(ModelPath);
        repository.Commit("head");
        using var clone = GitRepository.ShallowClone(repository);
        var (code, _, stderr) = CliRunner.Run("check", clone.PathOf("specs/stack.yaml"), "--against", first);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain($"error EM4032: the repository '{clone.Root}' is a shallow clone that does not hold revision '{first}'"));
            Assert.That(stderr, Does.Contain($"git fetch --depth=1 origin {first}"));
        });
    }

    [Test]
    public void A_git_lfs_pointer_at_the_base_is_EM4033()
    {
        repository.Write("specs/models/stack.onnx", "version https://git-lfs.github.com/spec/v1\noid sha256:0000000000000000000000000000000000000000000000000000000000000000\nsize 1000\n");
        repository.Commit("pointer");
        ComparisonModels.Stack(1).Save(ModelPath);
        var (code, _, stderr) = CliRunner.Run("check", SpecPath, "--against", "main");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain("error EM4033:"));
            Assert.That(stderr, Does.Contain("LFS objects must be fetched"));
        });
    }

    [Test]
    public void A_base_model_that_fails_to_load_is_EM4034()
    {
        repository.Write("specs/models/stack.onnx", new byte[] { 0x0a, 0xff, 0xff, 0xff, 0x0f });
        repository.Commit("broken");
        ComparisonModels.Stack(1).Save(ModelPath);
        var (code, stdout, stderr) = CliRunner.Run("run", SpecPath, "--provider", "cpu", "--time-cap", "1", "--against", "main");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain("error EM4034: the base's copy of 'specs/models/stack.onnx' at main ("));
            AssertNoStackTrace(stdout + stderr);
        });
    }

    private static void AssertNoStackTrace(string output) => Assert.That(output, Does.Not.Contain("   at ").And.Not.Contain("EM9999"));
}
