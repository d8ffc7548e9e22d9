using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

public sealed class DeformConvCostTests
{
    [Test]
    public void A_deformable_convolution_costs_the_convolution_and_a_bilinear_sample_per_channel_tap_and_location()
    {
        var b = new Builder(opset: 19);
        var y = b.Op("DeformConv", new[]
        {
            b.Input("x", ElementType.Float, 1, 4, 9, 9), b.Input("w", ElementType.Float, 8, 4, 3, 3), b.Input("offset", ElementType.Float, 1, 18, 5, 5),
            b.Input("b", ElementType.Float, 8), b.Input("mask", ElementType.Float, 1, 9, 5, 5),
        }, ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }));

        var report = b.Analyze(y);

        // Convolution: 200 outputs (8 · 5 · 5) of 36 products (4 · 3 · 3); sampling: 4 channels · 9 taps · 25 locations
        // = 900 samples of 4 + 1 (the mask) MACs; the bias adds one FLOP per output.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo((200 * 36) + (900 * 5)));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * ((200 * 36) + (900 * 5))) + 200));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }
}
