using EfficiencyMisnomer.Onnx;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

public sealed class QuantizeCostTests
{
    [Test]
    public void Quantize_and_dequantize_cost_two_flops_per_element()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 8);
        var scale = builder.Floats("scale", Array.Empty<long>(), new[] { 0.5f });
        var zero = builder.Initializer("zero", ElementType.UInt8, Array.Empty<long>());
        var q = builder.Typed("QuantizeLinear", new[] { x, scale, zero }, ElementType.UInt8, new long[] { 8 });
        var y = builder.Typed("DequantizeLinear", new[] { q, scale, zero }, new long[] { 8 });

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(16 + 16));
            Assert.That(report.Count("memory_access"), Is.EqualTo((32 + 4 + 1 + 8) + (8 + 4 + 1 + 32)));
        });
    }

    [Test]
    public void Dynamic_quantization_scans_for_the_range_first()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 8);
        var q = builder.Node("DynamicQuantizeLinear", new[] { x }, new[] { "q", "scale", "zero" });
        builder.Declare(q, ElementType.UInt8, 8);
        builder.Declare("scale", ElementType.Float);
        builder.Declare("zero", ElementType.UInt8);

        var report = builder.Analyze(q);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(32));
            Assert.That(report.Count("activations_all"), Is.EqualTo(8 + 1 + 1));
        });
    }
}
