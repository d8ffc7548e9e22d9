using System.Text.Json;
using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

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

    [Test]
    public void Nodes_whose_shapes_depend_on_data_are_named_beside_the_totals()
    {
        // NonZero's count is known only at run time, so the ConstantOfShape sized by it and the Relu after it have no
        // shapes: the totals count their sizes as 1, and the coverage line must say so even when the warnings fold.
        var folder = CliRunner.TempFolder();
        try
        {
            var builder = new Builder();
            var x = builder.Input("x", ElementType.Float, 8);
            var found = builder.Op("NonZero", new[] { x });
            var filled = builder.Op("ConstantOfShape", new[] { builder.Op("Shape", new[] { found }) });
            builder.Node("Relu", new[] { filled }, new[] { "y" });
            builder.Output("y", ElementType.Float, null);
            var model = Path.Combine(folder, "data-dependent.onnx");
            File.WriteAllBytes(model, builder.ToBytes());

            var (table, tableOut, tableErr) = CliRunner.Run("analyze", model);
            var (markdown, markdownOut, _) = CliRunner.Run("analyze", model, "--format", "markdown");
            var (quiet, quietOut, _) = CliRunner.Run("analyze", model, "--quiet");
            var (_, tiny, _) = CliRunner.Run("analyze", Sample, "--bind", "batch=1");

            Assert.Multiple(() =>
            {
                Assert.That((table, markdown, quiet), Is.EqualTo((0, 0, 0)), tableErr);
                Assert.That(tableErr, Does.Contain("warning EM1206").And.Contain("ConstantOfShape"));
                Assert.That(tableOut, Does.Contain("coverage: 4 nodes, 2 with shapes not inferred (their unknown sizes count as 1: the totals are lower bounds; EM1206 says why), unknown ops: none"));
                Assert.That(quietOut, Does.Contain("2 with shapes not inferred"), "the totals' caveat is part of the results, not a diagnostic");
                Assert.That(markdownOut, Does.Contain("Coverage: 4 nodes; 2 with shapes not inferred (their unknown sizes count as 1: the totals are lower bounds; EM1206 says why); unknown ops: none."));
                Assert.That(tiny, Does.Contain("coverage: 12 nodes, unknown ops: none"), "a model inferred whole reads as before");
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
