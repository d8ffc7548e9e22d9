using System.Text.Json;

namespace EfficiencyMisnomer.Cli.Tests;

/// <summary>`misnomer analyze` on the bundled sample: every format, the JSON interface, bindings.</summary>
public sealed class AnalyzeCommandTests
{
    private static readonly string[] IndicatorNames =
    {
        "params", "param_uses", "sharing_factor", "embedding_params", "model_size", "macs", "flops",
        "activations", "activations_all", "memory_access", "arithmetic_intensity", "unknown_ops",
    };

    private static string Sample => Path.Combine(RepositoryRoot.Path, "specs", "models", "tiny-cnn.onnx");

    [Test]
    public void Json_maps_every_indicator_name_to_a_number_and_reports_coverage()
    {
        var (code, stdout, _) = CliRunner.Run("analyze", Sample, "--bind", "batch=1", "--format", "json");

        Assert.That(code, Is.EqualTo(0));
        using var json = JsonDocument.Parse(stdout);
        var indicators = json.RootElement.GetProperty("indicators");
        var coverage = json.RootElement.GetProperty("coverage");
        Assert.Multiple(() =>
        {
            foreach (var name in IndicatorNames)
            {
                Assert.That(indicators.GetProperty(name).ValueKind, Is.EqualTo(JsonValueKind.Number), name);
            }

            // conv1 3->16 at 32x32, conv2 16->32 and conv3 32->64 at stride 2, fc 64->10; 3x3 kernels.
            const long expectedMacs = (16L * 32 * 32 * 3 * 9) + (32L * 16 * 16 * 16 * 9) + (64L * 8 * 8 * 32 * 9) + (64 * 10);
            Assert.That(indicators.GetProperty("macs").GetInt64(), Is.EqualTo(expectedMacs));
            Assert.That(indicators.GetProperty("params").GetInt64(), Is.EqualTo(24_458));
            Assert.That(json.RootElement.GetProperty("units").GetProperty("memory_access").GetString(), Is.EqualTo("bytes"));
            Assert.That(coverage.GetProperty("nodes").GetInt32(), Is.EqualTo(12));
            Assert.That(coverage.GetProperty("unknown_ops").GetArrayLength(), Is.Zero);
            Assert.That(json.RootElement.GetProperty("inputs").GetProperty("image").GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()),
                Is.EqualTo(new long[] { 1, 3, 32, 32 }));
        });
    }

    [Test]
    public void Batch_binding_scales_macs_linearly()
    {
        long Macs(string batch)
        {
            var (_, stdout, _) = CliRunner.Run("analyze", Sample, "--bind", $"batch={batch}", "--format", "json");
            using var json = JsonDocument.Parse(stdout);
            return json.RootElement.GetProperty("indicators").GetProperty("macs").GetInt64();
        }

        Assert.That(Macs("8"), Is.EqualTo(8 * Macs("1")));
    }

    [Test]
    public void Sparsity_is_reported_after_model_size_only_with_the_flag()
    {
        IReadOnlyList<string> Names(params string[] extra)
        {
            var (code, stdout, _) = CliRunner.Run(new[] { "analyze", Sample, "--bind", "batch=1", "--format", "json" }.Concat(extra).ToArray());
            Assert.That(code, Is.EqualTo(0));
            using var json = JsonDocument.Parse(stdout);
            return json.RootElement.GetProperty("indicators").EnumerateObject().Select(p => p.Name).ToList();
        }

        var plain = Names();
        var withSparsity = Names("--sparsity");

        Assert.Multiple(() =>
        {
            Assert.That(plain, Does.Not.Contain("sparsity"));
            Assert.That(withSparsity, Is.EqualTo(plain.Take(5).Append("sparsity").Concat(plain.Skip(5))));
            Assert.That(withSparsity[4], Is.EqualTo("model_size"));
        });
    }

    [Test]
    public void Unbound_batch_defaults_to_one_with_a_warning_naming_it()
    {
        var (code, _, stderr) = CliRunner.Run("analyze", Sample);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(stderr, Does.Contain("warning EM1204: symbolic dimension 'batch' (input 'image' dim 0) is not bound; as the leading dimension of an input it is taken as a batch of 1."));
        });
    }

    [Test]
    public void Table_shows_every_indicator_with_its_unit()
    {
        var (code, stdout, _) = CliRunner.Run("analyze", Sample, "--bind", "batch=1");

        Assert.That(code, Is.EqualTo(0));
        foreach (var name in IndicatorNames)
        {
            Assert.That(stdout, Does.Match($@"(?m)^{name}\s+[\d,.]+\s+\S+"), name);
        }
    }

    [Test]
    public void Markdown_and_per_node_list_every_node()
    {
        var (code, stdout, _) = CliRunner.Run("analyze", Sample, "--bind", "batch=1", "--format", "markdown", "--per-node");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(stdout, Does.Contain("| `macs` | 2,802,304 | MAC | 2.80 M |"));
            Assert.That(stdout.Split('\n').Count(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains("| Conv", StringComparison.Ordinal)), Is.EqualTo(3));
        });
    }
}
