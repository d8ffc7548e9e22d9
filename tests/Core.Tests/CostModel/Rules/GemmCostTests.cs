using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

public sealed class GemmCostTests
{
    [Test]
    public void Linear_layer_with_transposed_weight_and_bias()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 2, 8);
        var w = builder.Weight("w", 4, 8);
        var b = builder.Weight("b", 4);
        var y = builder.Typed("Gemm", new[] { x, w, b }, new long[] { 2, 4 }, ("transB", 1L));

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(2 * 8 * 4));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * 64) + 8));
            Assert.That(report.Count("activations"), Is.EqualTo(8));
            Assert.That(report.Count("activations_all"), Is.EqualTo(8));
            Assert.That(report.Count("memory_access"), Is.EqualTo((16 + 32 + 4 + 8) * 4));
        });
    }

    [Test]
    public void Transposed_a_without_bias_is_twice_its_macs()
    {
        var builder = new Builder();
        var a = builder.Input("a", ElementType.Float, 8, 3);
        var b = builder.Weight("b", 8, 5);
        var y = builder.Typed("Gemm", new[] { a, b }, new long[] { 3, 5 }, ("transA", 1L), ("alpha", 0.5f));

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(3 * 8 * 5));
            Assert.That(report.Count("flops"), Is.EqualTo(2 * 120));
        });
    }
}
