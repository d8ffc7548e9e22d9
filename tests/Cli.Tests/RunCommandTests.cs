namespace EfficiencyMisnomer.Cli.Tests;

/// <summary>`misnomer run`: the runtime gate from a terminal.</summary>
public sealed class RunCommandTests
{
    private static string Sample => Path.Combine(RepositoryRoot.Path, "specs", "tiny-cnn.yaml");

    private static string Decoder => Path.Combine(RepositoryRoot.Path, "specs", "tiny-decoder.yaml");

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
    public void Run_on_the_bundled_decoder_measures_generation_and_writes_every_generation_indicator()
    {
        var folder = Directory.CreateTempSubdirectory("misnomer-decoder").FullName;
        try
        {
            var results = Path.Combine(folder, "results.json");
            var (code, stdout, stderr) = CliRunner.Run("run", Decoder, "--provider", "cpu", "--time-cap", "1", "--results", results);
            var model = Results.ResultsJson.Read(results).Specs.Single().Model("tiny-decoder")!;
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(MisnomerCli.Success), stdout + stderr);
                foreach (var name in new[] { "params", "macs_prefill", "macs_per_token", "kv_cache" })
                {
                    Assert.That(model.StaticIndicator(name)?.Value, Is.GreaterThan(0), name);
                }

                var measured = model.Runtime.Single();
                foreach (var name in new[] { "ttft", "tpot", "tokens_per_s.prefill", "tokens_per_s.decode" })
                {
                    Assert.That(measured.Indicator(name)?.Value, Is.GreaterThan(0), name);
                    Assert.That(stdout, Does.Contain("  " + name + " "), name);
                }

                Assert.That(stdout, Does.Contain("pass     model 'tiny-decoder' [ci-cpu]: tpot "));
                Assert.That(stderr, Does.Contain("'input_ids' values in [0, 511]"), "ids within the vocabulary");
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_time_per_output_token_over_budget_exits_one_naming_the_indicator()
    {
        var folder = Directory.CreateTempSubdirectory("misnomer-decoder").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "models"));
            File.Copy(Path.Combine(RepositoryRoot.Path, "specs", "models", "tiny-decoder.onnx"), Path.Combine(folder, "models", "tiny-decoder.onnx"));
            var spec = Path.Combine(folder, "decoder.yaml");
            File.WriteAllText(spec, File.ReadAllText(Decoder).Replace("tpot:                { max: 2 ms }", "tpot:                { max: 1 ns }", StringComparison.Ordinal));
            Assert.That(File.ReadAllText(spec), Does.Contain("max: 1 ns"), "the sample still budgets tpot as this test expects");

            var (code, stdout, stderr) = CliRunner.Run("run", spec, "--provider", "cpu", "--time-cap", "1");

            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(MisnomerCli.Failure), stdout + stderr);
                Assert.That(stdout + stderr, Does.Contain("model 'tiny-decoder' [ci-cpu]: tpot "));
                Assert.That(stdout + stderr, Does.Contain("exceeds max 1 ns"));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
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
