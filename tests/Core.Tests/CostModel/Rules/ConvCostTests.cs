using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

public sealed class ConvCostTests
{
    [Test]
    public void Grouped_strided_dilated_conv_with_bias_counts_macs_and_one_add_per_output()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 4, 8, 8);
        var w = builder.Weight("w", 6, 2, 3, 3);
        var b = builder.Weight("b", 6);
        // Effective kernel 5 (dilation 2), pad 1, stride 2: (8 + 2 - 5) / 2 + 1 = 3.
        var y = builder.Typed("Conv", new[] { x, w, b }, new long[] { 1, 6, 3, 3 },
            ("group", 2L), ("strides", new long[] { 2, 2 }), ("dilations", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }));

        var report = builder.Analyze(y);

        // 54 outputs, each 2 input channels x 3x3 kernel.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(54 * 2 * 9));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * 972) + 54));
            Assert.That(report.Count("activations"), Is.EqualTo(54));
            Assert.That(report.Count("activations_all"), Is.EqualTo(54));
            Assert.That(report.Count("memory_access"), Is.EqualTo((256 + 108 + 6 + 54) * 4));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    [Test]
    public void Depthwise_conv_without_bias_is_exactly_twice_its_macs()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 8, 5, 5);
        var w = builder.Weight("w", 8, 1, 3, 3);
        var y = builder.Typed("Conv", new[] { x, w }, new long[] { 1, 8, 5, 5 }, ("group", 8L), ("pads", new long[] { 1, 1, 1, 1 }));

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(200 * 9));
            Assert.That(report.Count("flops"), Is.EqualTo(2 * 1800));
            Assert.That(report.Count("activations"), Is.EqualTo(200));
        });
    }

    [Test]
    public void Batch_multiplies_conv_macs()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 3, 2, 4, 4);
        var w = builder.Weight("w", 5, 2, 1, 1);
        var y = builder.Typed("Conv", new[] { x, w }, new long[] { 3, 5, 4, 4 });

        var report = builder.Analyze(y);

        Assert.That(report.Count("macs"), Is.EqualTo(3 * 5 * 16 * 2));
    }

    [Test]
    public void Conv1d_and_conv3d_use_every_kernel_dim()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 2, 10);
        var w = builder.Weight("w", 4, 2, 3);
        var y = builder.Typed("Conv", new[] { x, w }, new long[] { 1, 4, 8 });
        var v = builder.Input("v", ElementType.Float, 1, 1, 4, 4, 4);
        var k = builder.Weight("k", 2, 1, 3, 3, 3);
        var z = builder.Typed("Conv", new[] { v, k }, new long[] { 1, 2, 2, 2, 2 });
        builder.Output(z);

        var report = builder.Analyze(y);

        Assert.That(report.Count("macs"), Is.EqualTo((32 * 2 * 3) + (16 * 27)));
    }

    [Test]
    public void Quantized_convs_count_macs_and_qlinear_bias()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.UInt8, 1, 2, 4, 4);
        var w = builder.Initializer("w", ElementType.UInt8, new long[] { 3, 2, 3, 3 });
        var scale = builder.Floats("scale", Array.Empty<long>(), new[] { 0.1f });
        var zero = builder.Initializer("zero", ElementType.UInt8, Array.Empty<long>());
        var bias = builder.Initializer("bias", ElementType.Int32, new long[] { 3 });
        var q = builder.Typed("QLinearConv", new[] { x, scale, zero, w, scale, zero, scale, zero, bias }, ElementType.UInt8,
            new long[] { 1, 3, 2, 2 });
        var i = builder.Typed("ConvInteger", new[] { x, w, zero, zero }, ElementType.Int32, new long[] { 1, 3, 2, 2 });
        builder.Output(i);

        var report = builder.Analyze(q);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(2 * 12 * 18));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * 432) + 12));
            Assert.That(report.Count("activations"), Is.EqualTo(24));
        });
    }
}
