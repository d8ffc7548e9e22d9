namespace EfficiencyMisnomer.Cli.Tests;

/// <summary>`misnomer run`: the runtime gate from a terminal.</summary>
public sealed class RunCommandTests
{
    private static string Sample => Path.Combine(RepositoryRoot.Path, "specs", "tiny-cnn.yaml");

    [Test]
    public void Run_on_cpu_prints_every_runtime_indicator_and_the_verdicts()
    {
        var (code, stdout, stderr) = CliRunner.Run("run", Sample, "--provider", "cpu", "--time-cap", "1");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(MisnomerCli.Success), stderr);
            Assert.That(stderr, Does.Contain("measuring model 'tiny-cnn' [ci-cpu] batch 1 on cpu"));
            Assert.That(stdout, Does.Contain("model 'tiny-cnn' [ci-cpu] batch 8 on cpu"));
            foreach (var name in new[] { "latency.p50", "latency.p99", "latency.max", "throughput", "cold_start", "peak_memory", "energy", "cost" })
            {
                Assert.That(stdout, Does.Contain("  " + name), name);
            }

            Assert.That(stdout, Does.Contain("params"));
            Assert.That(stdout, Does.Contain("2 case(s), 2 runtime budget(s)"));
        });
    }

    [Test]
    public void Run_with_cuda_required_on_a_machine_without_it_exits_one_with_the_code()
    {
        var (code, _, stderr) = CliRunner.Run("run", Sample, "--provider", "cuda");
        if (code == MisnomerCli.Success)
        {
            Assert.Ignore("CUDA is usable on this machine.");
        }

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(MisnomerCli.Failure));
            Assert.That(stderr, Does.Contain("error EM3001: CUDA unavailable: "));
            Assert.That(stderr, Does.Not.Contain("   at "));
        });
    }
}
