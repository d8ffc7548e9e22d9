namespace EfficiencyMisnomer.Cli.Tests;

/// <summary>
/// ONNX Runtime's own log, seen from a process of the tool (the native logger writes to the process's standard error,
/// which only a process of its own shows): a CUDA provider that cannot load is the product's one verdict line, never
/// a coloured native error; the level is the user's to raise.
/// </summary>
public sealed class OnnxRuntimeLogTests
{
    private static string Sample => Path.Combine(RepositoryRoot.Path, "specs", "tiny-cnn.yaml");

    [Test]
    public void A_missing_cuda_is_the_verdict_alone_with_no_native_error_line()
    {
        var (code, stdout, stderr, hung) = CliRunner.RunProcess("", 120, "run", Sample, "--provider", "cuda");
        if (code == MisnomerCli.Success)
        {
            Assert.Ignore("CUDA is usable on this machine.");
        }

        Assert.Multiple(() =>
        {
            Assert.That((code, hung), Is.EqualTo((MisnomerCli.Failure, false)));
            Assert.That(stderr, Does.Contain("error EM3001: CUDA unavailable: "));
            Assert.That(stdout + stderr, Does.Not.Contain("\u001b"), "no terminal colours");
            Assert.That(stdout + stderr, Does.Not.Contain("onnxruntime").IgnoreCase.And.Not.Contain("[E:"), "no native log line at the default level");
        });
    }

    [Test]
    public void At_info_level_an_expected_loader_failure_is_a_plain_info_line_never_an_error()
    {
        var environment = new Dictionary<string, string> { ["MISNOMER_ONNXRUNTIME_LOG"] = "info" };
        var (code, _, stderr, _) = CliRunner.RunProcess("", 120, environment, "run", Sample, "--provider", "cuda");
        if (code == MisnomerCli.Success)
        {
            Assert.Ignore("CUDA is usable on this machine.");
        }

        var lines = stderr.Split('\n').Where(l => l.StartsWith("onnxruntime ", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Some.StartsWith("onnxruntime info: "), "info messages are shown at info level");
            Assert.That(lines, Has.None.StartsWith("onnxruntime error: "), "the probe's own failure is reported by its verdict");
            Assert.That(stderr, Does.Not.Contain("\u001b"));
            if (CudaFlavour)
            {
                // The CUDA build tries to load its provider library, and says why it cannot, at info level.
                Assert.That(lines, Has.Some.StartsWith("onnxruntime info: ").And.Contain("providers_cuda"), stderr);
            }
            else
            {
                Assert.That(stderr, Does.Contain("CUDA unavailable: this ONNX Runtime build has no CUDA provider"));
            }
        });
    }

    /// <summary>Whether these tests run on the CUDA flavour of ONNX Runtime (its provider library is beside them).</summary>
    private static bool CudaFlavour => Directory.Exists(Path.Combine(AppContext.BaseDirectory, "runtimes"))
        && Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "runtimes"), "*onnxruntime_providers_cuda*", SearchOption.AllDirectories).Any();

    [Test]
    public void A_level_that_is_not_one_is_said_once_and_warnings_stay_on()
    {
        var environment = new Dictionary<string, string> { ["MISNOMER_ONNXRUNTIME_LOG"] = "loud\u001b[31m" };
        var (_, _, stderr, hung) = CliRunner.RunProcess("", 120, environment, "run", Sample, "--provider", "cuda");
        Assert.Multiple(() =>
        {
            Assert.That(hung, Is.False);
            Assert.That(stderr, Does.Contain("MISNOMER_ONNXRUNTIME_LOG=loud\\u001b[31m is not a log level"));
            Assert.That(stderr, Does.Not.Contain("\u001b"));
        });
    }
}
