using System.Text.Json;
using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Shapes;

namespace EfficiencyMisnomer.Tests.RealExports;

/// <summary>
/// End-to-end checks on real torchvision exports: the static analysis must reproduce torchvision's
/// documented MACs and the parameter count of the exported file, with every operator understood.
/// The models are produced by scripts/export-torchvision.sh; without them every case is skipped.
/// </summary>
[Category("RealExports")]
public sealed class TorchVisionExportTests
{
    private const string ExportsMissing =
        "torchvision exports not found: run scripts/export-torchvision.sh (needs Debian python3-torchvision)";

    private const double MacsTolerancePercent = 0.5;
    private const int UninferredShown = 10;

    /// <summary>torchvision's documented "GFLOPS" per model: conv and matmul MACs at batch 1, 224×224.</summary>
    private static readonly (string Model, double Macs)[] DocumentedMacs =
    {
        ("resnet18", 1.814e9),
        ("mobilenet_v3_large", 0.217e9),
        ("efficientnet_b0", 0.386e9),
        ("vit_b_16", 17.564e9),
        ("swin_t", 4.491e9),
        ("resnet50", 4.089e9),
        ("mobilenet_v2", 0.301e9),
    };

    /// <summary>Further families exported for operator coverage (no documented MACs at this torchvision version).</summary>
    private static readonly string[] CoverageModels =
    {
        "squeezenet1_0", "shufflenet_v2_x1_0", "googlenet", "densenet121", "inception_v3", "regnet_y_400mf",
        "mnasnet0_5", "convnext_tiny", "efficientnet_v2_s", "maxvit_t",
    };

    private static IEnumerable<TestCaseData> CoverageCases() =>
        CoverageModels.Select(m => new TestCaseData(m).SetName($"{m} is fully understood"));

    [TestCaseSource(nameof(CoverageCases))]
    public void Every_operator_and_shape_is_understood(string model)
    {
        var export = TorchVisionExport.Find(model);

        var report = StaticAnalyzer.Analyze(export.Path, ShapeBindings.Parse(new[] { $"{export.BatchDim}=1" }));

        var coverage = Describe(report.Coverage);
        Assert.Multiple(() =>
        {
            Assert.That(report.Coverage.UnknownOps, Is.Empty, $"operators without a cost rule. {coverage}");
            Assert.That(report.Coverage.UninferredNodes, Is.Empty, $"nodes whose shapes were not inferred. {coverage}");
            Assert.That(report.Count("macs"), Is.Positive);
            Assert.That(report.Count("params"), Is.EqualTo(export.FloatParamElements),
                "params against the manifest's float_param_elements");
        });
    }

    private static IEnumerable<TestCaseData> Models() =>
        DocumentedMacs.Select(m => new TestCaseData(m.Model, m.Macs).SetName($"{m.Model} matches torchvision"));

    [TestCaseSource(nameof(Models))]
    public void Static_analysis_matches_torchvision(string model, double documentedMacs)
    {
        var export = TorchVisionExport.Find(model);

        var report = StaticAnalyzer.Analyze(export.Path, ShapeBindings.Parse(new[] { $"{export.BatchDim}=1" }));

        var coverage = Describe(report.Coverage);
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(documentedMacs).Within(MacsTolerancePercent).Percent,
                $"macs against torchvision's documented GFLOPS. {coverage}");
            Assert.That(report.Count("params"), Is.EqualTo(export.FloatParamElements),
                "params against the manifest's float_param_elements");
            Assert.That(report.Count("unknown_ops"), Is.Zero, $"nodes without a cost rule. {coverage}");
            Assert.That(report.Coverage.UnknownOps, Is.Empty, "operators without a cost rule");
            Assert.That(report.Coverage.UninferredNodes, Is.Empty, $"nodes whose shapes were not inferred. {coverage}");
        });
    }

    private static string Describe(Coverage coverage)
    {
        var uninferred = coverage.UninferredNodes.Take(UninferredShown).ToList();
        var more = coverage.UninferredNodes.Count > uninferred.Count ? $", ... ({coverage.UninferredNodes.Count} in all)" : "";
        return $"Unknown ops: [{string.Join(", ", coverage.UnknownOps)}]; "
            + $"uninferred nodes: [{string.Join(", ", uninferred)}{more}].";
    }

    /// <summary>One model's entry in .models/torchvision/manifest.json.</summary>
    private sealed record TorchVisionExport(string Path, string BatchDim, long FloatParamElements)
    {
        public static TorchVisionExport Find(string model)
        {
            var folder = System.IO.Path.Combine(RepositoryRoot.Path, ".models", "torchvision");
            var manifestPath = System.IO.Path.Combine(folder, "manifest.json");
            if (!File.Exists(manifestPath))
            {
                Assert.Ignore(ExportsMissing);
            }

            using var manifest = JsonDocument.Parse(File.ReadAllText(manifestPath));
            if (!manifest.RootElement.GetProperty("models").TryGetProperty(model, out var entry))
            {
                Assert.Ignore($"{model} is not in {manifestPath}: run scripts/export-torchvision.sh {model}");
            }

            var status = entry.GetProperty("status").GetString();
            if (status != "ok")
            {
                var error = entry.TryGetProperty("error", out var e) ? e.GetString() : "no error recorded";
                Assert.Fail($"{model} failed to export ({status}): {error}");
            }

            var path = System.IO.Path.Combine(folder, entry.GetProperty("file").GetString()!);
            if (!File.Exists(path))
            {
                Assert.Ignore($"{path} is missing: run scripts/export-torchvision.sh {model}");
            }

            return new TorchVisionExport(path, entry.GetProperty("batch_dim").GetString()!,
                entry.GetProperty("float_param_elements").GetInt64());
        }
    }
}
