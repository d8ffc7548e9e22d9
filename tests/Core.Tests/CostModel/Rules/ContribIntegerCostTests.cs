using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>com.microsoft MatMulInteger16, MulInteger and ReduceSumInteger against ONNX Runtime's contrib operator documentation.</summary>
public sealed class ContribIntegerCostTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Matmul_integer16_costs_as_matmul_and_counts_its_int16_weight()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var a = builder.Input("a", ElementType.Int16, 2, 3, 8);
        var y = builder.NodeIn(Contrib, "MatMulInteger16", new[] { a, builder.Initializer("b", ElementType.Int16, new long[] { 8, 5 }) }, new[] { "y" });

        var report = builder.Analyze(y);

        // 2·3 rows of 8 MACs for each of 5 columns.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(2 * 3 * 8 * 5));
            Assert.That(report.Count("flops"), Is.EqualTo(2 * 2 * 3 * 8 * 5));
            Assert.That(report.Count("params"), Is.EqualTo(8 * 5));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    [Test]
    public void Mul_integer_multiplies_each_output_after_subtracting_the_zero_points()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var inputs = new[]
        {
            builder.Input("a", ElementType.UInt8, 4, 1, 6), builder.Initializer("za", ElementType.UInt8, Array.Empty<long>()),
            builder.Input("b", ElementType.UInt8, 3, 1), builder.Initializer("zb", ElementType.UInt8, Array.Empty<long>()),
        };
        var y = builder.NodeIn(Contrib, "MulInteger", inputs, new[] { "y" });

        var report = builder.Analyze(y);

        // (A − a_zero) · (B − b_zero) over the 4·3·6 = 72 broadcast outputs: 3 each; the zero points are not parameters.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(3 * 72));
            Assert.That(report.Count("params"), Is.Zero);
        });
    }

    [Test]
    public void Reduce_sum_integer_adds_each_input_element()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var y = builder.NodeIn(Contrib, "ReduceSumInteger", new[] { builder.Input("x", ElementType.Int8, 2, 3, 4) }, new[] { "y" },
            ("axes", new[] { 2L }), ("keepdims", 0L));

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(24));
            Assert.That(report.Count("macs"), Is.Zero);
        });
    }
}
