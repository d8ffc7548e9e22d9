using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>GatedRMSNorm against ONNX Runtime's contrib operator documentation: X and gate (…, H·C), scale (C).</summary>
public sealed class GatedRmsNormCostTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Each_element_is_normalized_scaled_and_gated_by_silu()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var x = builder.Input("x", ElementType.Float, 2, 5, 4 * 16);
        var gate = builder.Input("gate", ElementType.Float, 2, 5, 4 * 16);
        var y = builder.Declare(builder.NodeIn(Contrib, "GatedRMSNorm", new[] { x, builder.Weight("scale", 16), gate }, new[] { "y" }, ("epsilon", 1e-6f)),
            ElementType.Float, 2, 5, 64);

        var report = builder.Analyze(y);

        // 2·5·64 = 640 elements, each: square, sum, normalize, scale (4), SiLU of the gate (5), product (1) = 10: 6400.
        // The per-head scale of C = 16 is the only parameter.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(6400));
            Assert.That(report.Count("macs"), Is.Zero);
            Assert.That(report.Count("params"), Is.EqualTo(16));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }
}
