using EfficiencyMisnomer.Tensors;
using EfficiencyMisnomer.Tests.Shapes;
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
    public void Blocked_int4_dequantization_counts_its_logical_weights_and_reads_half_a_byte_each()
    {
        // Opset 21: a scale and zero point per block of 32 along axis 1 of an int4 [8, 64] weight.
        var builder = new Builder(opset: 21);
        var weight = builder.Initializer("w", ElementType.Int4, new long[] { 8, 64 });
        var scale = builder.Weight("w_scale", 8, 2);
        var zero = builder.Initializer("w_zero", ElementType.Int4, new long[] { 8, 2 });
        var y = builder.Declare(builder.Node("DequantizeLinear", new[] { weight, scale, zero }, new[] { "y" }, ("axis", 1L), ("block_size", 32L)),
            ElementType.Float, 8, 64);

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(2 * 512));
            Assert.That(report.Count("params"), Is.EqualTo(512), "the scales and zero points are not parameters");
            Assert.That(report.Count("memory_access"), Is.EqualTo((512 / 2) + (16 * 4) + (16 / 2) + (512 * 4)));
        });
    }

    [Test]
    public void Blocked_quantization_keeps_the_shape_in_the_zero_point_type()
    {
        var builder = new Builder(opset: 21);
        var x = builder.Input("x", ElementType.Float, 8, 64);
        builder.Node("QuantizeLinear", new[] { x, builder.Weight("scale", 8, 2), builder.Initializer("zero", ElementType.Int4, new long[] { 8, 2 }) }, new[] { "q" },
            ("axis", 1L), ("block_size", 32L));

        var types = builder.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("q"), Is.EqualTo("[8x64]"));
            Assert.That(types.Element("q"), Is.EqualTo(ElementType.Int4));
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
