using EfficiencyMisnomer.Onnx;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

public sealed class ConvTransposeCostTests
{
    [Test]
    public void Strided_conv_transpose_scatters_each_input_through_the_kernel()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 4, 3, 3);
        var w = builder.Weight("w", 4, 2, 3, 3);
        var b = builder.Weight("b", 2);
        // (3 - 1) * 2 + 3 = 7.
        var y = builder.Typed("ConvTranspose", new[] { x, w, b }, new long[] { 1, 2, 7, 7 }, ("strides", new long[] { 2, 2 }));

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(36 * 2 * 9));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * 648) + 98));
            Assert.That(report.Count("activations"), Is.EqualTo(98));
            Assert.That(report.Count("memory_access"), Is.EqualTo((36 + 72 + 2 + 98) * 4));
        });
    }

    [Test]
    public void Grouped_conv_transpose_reads_cout_per_group_from_the_weight()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 4, 3, 3);
        var w = builder.Weight("w", 4, 1, 3, 3);
        var y = builder.Typed("ConvTranspose", new[] { x, w }, new long[] { 1, 2, 5, 5 }, ("group", 2L));

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(36 * 9));
            Assert.That(report.Count("flops"), Is.EqualTo(2 * 324));
        });
    }
}
