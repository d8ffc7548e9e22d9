using EfficiencyMisnomer.Tensors;
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

    [Test]
    public void One_and_three_dimensional_conv_transpose()
    {
        var builder = new Builder();
        var line = builder.Input("line", ElementType.Float, 1, 2, 5);
        var wide = builder.Typed("ConvTranspose", new[] { line, builder.Weight("w", 2, 3, 3) }, new long[] { 1, 3, 7 });
        var volume = builder.Input("volume", ElementType.Float, 1, 1, 2, 2, 2);
        var grown = builder.Typed("ConvTranspose", new[] { volume, builder.Weight("k", 1, 2, 2, 2, 2) }, new long[] { 1, 2, 4, 4, 4 },
            ("strides", new long[] { 2, 2, 2 }));
        builder.Output(wide);

        var report = builder.Analyze(grown);

        // 10 inputs through 3·3; 8 inputs through 2·2·2·2.
        Assert.That(report.Count("macs"), Is.EqualTo((10 * 9) + (8 * 16)));
    }

    [Test]
    public void Dilated_conv_transpose_costs_the_same_per_input()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 1, 3, 3);
        var y = builder.Typed("ConvTranspose", new[] { x, builder.Weight("w", 1, 1, 3, 3) }, new long[] { 1, 1, 7, 7 }, ("dilations", new long[] { 2, 2 }));

        var report = builder.Analyze(y);

        Assert.That(report.Count("macs"), Is.EqualTo(9 * 9));
    }
}
