using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

public sealed class ResizeCostTests
{
    [TestCase("nearest", 0L)]
    [TestCase("linear", 4L * 16)]
    [TestCase("cubic", 16L * 16)]
    public void Resize_costs_per_output_element_by_mode(string mode, long flops)
    {
        var builder = new Builder(opset: 13);
        var x = builder.Input("x", ElementType.Float, 1, 1, 2, 2);
        var scales = builder.Floats("scales", new long[] { 4 }, new[] { 1f, 1f, 2f, 2f });
        var y = builder.Typed("Resize", new[] { x, string.Empty, scales }, new long[] { 1, 1, 4, 4 }, ("mode", mode));

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(flops));
            Assert.That(report.Count("activations_all"), Is.EqualTo(16));
            Assert.That(report.Count("memory_access"), Is.EqualTo((4 + 4 + 16) * 4));
        });
    }

    [Test]
    public void Linear_resize_of_one_axis_weighs_two_neighbours()
    {
        var builder = new Builder(opset: 13);
        var x = builder.Input("x", ElementType.Float, 1, 3, 4);
        var scales = builder.Floats("scales", new long[] { 3 }, new[] { 1f, 1f, 2f });
        var y = builder.Typed("Resize", new[] { x, string.Empty, scales }, new long[] { 1, 3, 8 }, ("mode", "linear"));

        var report = builder.Analyze(y);

        Assert.That(report.Count("flops"), Is.EqualTo(2 * 24));
    }

    [TestCase("nearest", 0L)]
    [TestCase("linear", 4L * 16)]
    public void Upsample_costs_like_resize(string mode, long flops)
    {
        var builder = new Builder(opset: 9);
        var x = builder.Input("x", ElementType.Float, 1, 1, 2, 2);
        var scales = builder.Floats("scales", new long[] { 4 }, new[] { 1f, 1f, 2f, 2f });
        var y = builder.Typed("Upsample", new[] { x, scales }, new long[] { 1, 1, 4, 4 }, ("mode", mode));

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(flops));
            Assert.That(report.Count("activations_all"), Is.EqualTo(16));
        });
    }
}
