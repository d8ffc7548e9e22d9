using EfficiencyMisnomer.Tensors;
using EfficiencyMisnomer.Tests.Shapes;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>The Fourier transforms by the radix-2 convention (5 N log2 N FLOPs per complex transform, half for real data), worked by hand.</summary>
public sealed class SpectralCostTests
{
    [Test]
    public void A_real_dft_costs_half_a_complex_transform_per_line()
    {
        var b = new Builder(opset: 17);
        var y = b.Op("DFT", new[] { b.Input("x", ElementType.Float, 1, 10, 16, 1) }, ("axis", 2L), ("onesided", 1L));

        var report = b.Analyze(y);

        // 10 lines of 16 real points: 5 · 16 · 4 / 2 = 160 FLOPs each.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(10 * 160));
            Assert.That(report.Count("macs"), Is.Zero);
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    [Test]
    public void A_complex_dft_of_opset_20_uses_dft_length_along_the_last_signal_dim()
    {
        var b = new Builder(opset: 20);
        var y = b.Op("DFT", new[] { b.Input("x", ElementType.Float, 2, 3, 6, 2), b.Scalar("n", 8) });

        // 6 lines (2 · 3) of 8 complex points, zero-padded from 6: 5 · 8 · 3 = 120 FLOPs each.
        Assert.That(b.Analyze(y).Count("flops"), Is.EqualTo(6 * 120));
    }

    [Test]
    public void An_stft_windows_and_transforms_every_frame_and_its_generators_are_free()
    {
        var b = new Builder(opset: 17);
        var window = b.Op("HannWindow", new[] { b.Scalar("window_size", 400) });
        var y = b.Op("STFT", new[] { b.Input("audio", ElementType.Float, 2, 16000, 1), b.Scalar("hop", 160), window });

        var report = b.Analyze(y);

        // 2 · 98 frames; each 400 window products and a real transform of 400 points, 5 · 400 · 9 / 2 = 9000.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(2 * 98 * (400 + 9000)));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }
}
