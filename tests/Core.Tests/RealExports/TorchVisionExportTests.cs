using System.Text.Json;
using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Exporters;
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

    /// <summary>
    /// torchvision's documented "GFLOPS" per model (its weights' <c>_ops</c>): conv and matmul MACs at batch 1 and the
    /// model's documented input: 224×224 images; 520×520 for segmentation, auxiliary head included; 16 frames of
    /// 112×112 (224×224 for S3D) for video; the int8 MobileNetV2 as torch quantizes it.
    /// </summary>
    private static readonly (string Model, double Macs)[] DocumentedMacs =
    {
        ("resnet18", 1.814e9),
        ("mobilenet_v3_large", 0.217e9),
        ("efficientnet_b0", 0.386e9),
        ("vit_b_16", 17.564e9),
        ("swin_t", 4.491e9),
        ("resnet50", 4.089e9),
        ("mobilenet_v2", 0.301e9),
        ("lraspp_mobilenet_v3_large", 2.086e9),
        ("deeplabv3_mobilenet_v3_large", 10.452e9),
        ("fcn_resnet50", 152.717e9),
        ("r3d_18", 40.697e9),
        ("r2plus1d_18", 40.519e9),
        ("s3d", 17.979e9),
        ("quantized_mobilenet_v2", 0.301e9),
    };

    /// <summary>
    /// Detectors, whose heads run on the boxes the image yields: torchvision documents the MACs known before run
    /// time (backbone, feature pyramid, region proposals), which is what the analysis costs; the rest has no shape
    /// until a run, and the report must say so rather than pass it over.
    /// </summary>
    private static readonly (string Model, double Macs)[] DocumentedDetectorMacs =
    {
        ("ssdlite320_mobilenet_v3_large", 0.583e9),
        ("fasterrcnn_mobilenet_v3_large_320_fpn", 0.719e9),
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

        var report = StaticAnalyzer.Analyze(export.Path, export.Bindings);

        var coverage = Describe(report.Coverage);
        Assert.Multiple(() =>
        {
            Assert.That(report.Coverage.UnknownOps, Is.Empty, $"operators without a cost rule. {coverage}");
            Assert.That(report.Coverage.UninferredNodes, Is.Empty, $"nodes whose shapes were not inferred. {coverage}");
            Assert.That(report.Count("macs"), Is.Positive);
            Assert.That(report.Count("params"), Is.EqualTo(export.ParamElements),
                "params against the manifest's float_param_elements and quantized_weight_elements");
        });
    }

    private static IEnumerable<TestCaseData> Models() =>
        DocumentedMacs.Select(m => new TestCaseData(m.Model, m.Macs).SetName($"{m.Model} matches torchvision"));

    [TestCaseSource(nameof(Models))]
    public void Static_analysis_matches_torchvision(string model, double documentedMacs)
    {
        var export = TorchVisionExport.Find(model);

        var report = StaticAnalyzer.Analyze(export.Path, export.Bindings);

        var coverage = Describe(report.Coverage);
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(documentedMacs).Within(MacsTolerancePercent).Percent,
                $"macs against torchvision's documented GFLOPS. {coverage}");
            Assert.That(report.Count("params"), Is.EqualTo(export.ParamElements),
                "params against the manifest's float_param_elements and quantized_weight_elements");
            Assert.That(report.Count("unknown_ops"), Is.Zero, $"nodes without a cost rule. {coverage}");
            Assert.That(report.Coverage.UnknownOps, Is.Empty, "operators without a cost rule");
            Assert.That(report.Coverage.UninferredNodes, Is.Empty, $"nodes whose shapes were not inferred. {coverage}");
        });
    }

    private static IEnumerable<TestCaseData> Detectors() =>
        DocumentedDetectorMacs.Select(m => new TestCaseData(m.Model, m.Macs).SetName($"{m.Model} matches torchvision before run time"));

    [TestCaseSource(nameof(Detectors))]
    public void Detectors_cost_what_is_known_before_run_time_and_name_the_rest(string model, double documentedMacs)
    {
        var export = TorchVisionExport.Find(model);

        var report = StaticAnalyzer.Analyze(export.Path, export.Bindings);

        var coverage = Describe(report.Coverage);
        var branches = report.Diagnostics.Where(d => d.Code == ErrorCodes.BranchCosted && d.Severity == DiagnosticSeverity.Warning).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(documentedMacs).Within(MacsTolerancePercent).Percent,
                $"macs against torchvision's documented GFLOPS. {coverage}");
            Assert.That(report.Count("params"), Is.EqualTo(export.ParamElements), "params against the manifest's float_param_elements");
            Assert.That(report.Coverage.UnknownOps, Is.Empty, $"operators without a cost rule. {coverage}");
            Assert.That(report.Coverage.UninferredNodes, Is.Not.Empty, "the heads' shapes depend on the boxes found");
            Assert.That(report.Diagnostics.Where(d => d.Code == ErrorCodes.ShapeNotInferred).Select(d => d.Message),
                Has.Some.Contain("computed at run time"), "each uninferred node says why");
            Assert.That(StaticReportText.Table(report), Does.Contain($"{report.Coverage.UninferredNodes.Count} with shapes not inferred"));
            Assert.That(branches, Is.Not.Empty, "the detectors test at run time whether anything was found");
            Assert.That(branches.Select(d => d.Message), Has.All.Contain("depends on the content of 'input'").And.All.Not.Contain("value: ..."),
                "a condition on the image's content cannot be declared away");
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
    /// <param name="BatchDim">The symbolic batch dimension; null for a detector, which takes a list of images.</param>
    /// <param name="ParamElements">What <c>params</c> must count: float tensors plus the integer weights a quantized export dequantizes.</param>
    private sealed record TorchVisionExport(string Path, string? BatchDim, long ParamElements)
    {
        public ShapeBindings Bindings => BatchDim is null ? ShapeBindings.None : ShapeBindings.Parse(new[] { $"{BatchDim}=1" });

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

            var quantized = entry.TryGetProperty("quantized_weight_elements", out var q) ? q.GetInt64() : 0;
            return new TorchVisionExport(path, entry.GetProperty("batch_dim").GetString(),
                entry.GetProperty("float_param_elements").GetInt64() + quantized);
        }
    }
}
