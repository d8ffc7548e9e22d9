using System.Text.Json;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Cli.Tests;

/// <summary>`misnomer hardware` on this machine: the fingerprint, and a profile block the spec loader accepts.</summary>
public sealed class HardwareCommandTests
{
    [Test]
    public void Text_names_this_cpu_and_prints_a_pasteable_profile()
    {
        var (code, stdout, stderr) = CliRunner.Run("hardware", "--provider", "cpu");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(MisnomerCli.Success), stderr);
            Assert.That(stderr, Is.Empty);
            Assert.That(stdout, Does.Match(@"(?m)^fingerprint\s+[0-9a-f]{12}$"));
            Assert.That(stdout, Does.Match(@"(?m)^cpu\s+\S"));
            Assert.That(stdout, Does.Contain("\nhardware:\n  cpu-"));
            Assert.That(stdout, Does.Contain($"\nplatform  ").And.Match($@"(?m)^platform\s+{System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}$"));
            Assert.That(stdout, Does.Match(@"(?m)^ONNX Runtime\s+\d+(\.\d+)+ \((CPU|CUDA) build\)$"), "which native build loaded");
        });

        var cpu = stdout.Split('\n').First(line => line.StartsWith("cpu ", StringComparison.Ordinal))["cpu".Length..].Trim();
        Assert.That(stdout, Does.Contain($"match: {{ provider: cpu, cpu: \"{cpu.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\" }}"));

        var block = stdout[stdout.IndexOf("# This machine", StringComparison.Ordinal)..];
        var loaded = SpecLoader.Parse("models:\n  tiny: { path: models/tiny-cnn.onnx }\n" + block, Path.Combine(RepositoryRoot.Path, "specs", "pasted.yaml"));
        Assert.That(loaded.Diagnostics, Is.Empty);
    }

    [Test]
    public void Json_carries_the_same_fingerprint_and_profile()
    {
        var (code, stdout, stderr) = CliRunner.Run("hardware", "--format", "json", "--provider", "cpu");
        Assert.That(code, Is.EqualTo(MisnomerCli.Success), stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("id").GetString(), Does.Match("^[0-9a-f]{12}$"));
            Assert.That(root.GetProperty("provider").GetString(), Is.EqualTo("cpu"));
            Assert.That(root.GetProperty("cpu").GetProperty("model").GetString(), Is.Not.Empty);
            Assert.That(root.GetProperty("cpu").GetProperty("logical_cores").GetInt32(), Is.EqualTo(Environment.ProcessorCount));
            Assert.That(root.GetProperty("profile_yaml").GetString(), Does.Contain("hardware:\n"));
            Assert.That(root.GetProperty("platform").GetString(), Is.EqualTo(System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier));
            Assert.That(root.GetProperty("onnxruntime_build").GetString(), Is.AnyOf("CPU build", "CUDA build"));
        });
    }

    [Test]
    public void Cuda_without_a_gpu_warns_and_still_prints()
    {
        var (code, stdout, stderr) = CliRunner.Run("hardware", "--provider", "cuda");
        Assert.That(code, Is.EqualTo(MisnomerCli.Success), stderr);
        var gpu = stdout.Split('\n').First(line => line.StartsWith("gpu ", StringComparison.Ordinal))["gpu".Length..].Trim();
        Assert.That(stderr, gpu.StartsWith("none", StringComparison.Ordinal)
            ? Does.StartWith("warning EM3101: provider 'cuda' was asked for, but NVML unavailable: ")
            : Is.Empty);
    }

    [Test]
    public void Unknown_provider_is_a_usage_error() =>
        Assert.That(CliRunner.Run("hardware", "--provider", "tpu").ExitCode, Is.EqualTo(MisnomerCli.Usage));
}
