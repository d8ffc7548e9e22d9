using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>com.microsoft Inverse, Rfft and Irfft against ONNX Runtime's contrib operator documentation.</summary>
public sealed class ContribLinearAlgebraCostTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Inverse_costs_n_cubed_multiply_adds_per_matrix()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var y = builder.NodeIn(Contrib, "Inverse", new[] { builder.Input("x", ElementType.Float, 3, 4, 4) }, new[] { "y" });

        var report = builder.Analyze(y);

        // 3 matrices of 4 × 4: 3 · 4³ = 192 MACs, 384 FLOPs.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(192));
            Assert.That(report.Count("flops"), Is.EqualTo(384));
        });
    }

    [TestCase(new long[] { 2, 16 }, 1L, 320L)]
    [TestCase(new long[] { 2, 4, 8 }, 2L, 800L)]
    public void Rfft_costs_half_a_complex_fft_per_signal(long[] dims, long signalDims, long flops)
    {
        var builder = new Builder().Opset(Contrib, 1);
        var y = builder.NodeIn(Contrib, "Rfft", new[] { builder.Input("x", ElementType.Float, dims.Cast<object>().ToArray()) }, new[] { "y" },
            ("signal_ndim", signalDims));

        var report = builder.Analyze(y);

        // (2, 16), 1 signal dim: P = 16, log2 16 = 4, 5 · 32 · 4 / 2 = 320.
        // (2, 4, 8), 2 signal dims: P = 32, log2 32 = 5, 5 · 64 · 5 / 2 = 800.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.Zero);
            Assert.That(report.Count("flops"), Is.EqualTo(flops));
        });
    }

    [Test]
    public void Irfft_costs_its_real_output_signal()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var y = builder.NodeIn(Contrib, "Irfft", new[] { builder.Input("x", ElementType.Float, 2, 9, 2) }, new[] { "y" }, ("signal_ndim", 1L));

        var report = builder.Analyze(y);

        // Output (2, 17): P = 17, ⌈log2 17⌉ = 5, 5 · 34 · 5 / 2 = 425.
        Assert.That(report.Count("flops"), Is.EqualTo(425));
    }
}
