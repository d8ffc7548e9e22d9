using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

public sealed class SoftmaxCostTests
{
    [TestCase("Softmax", 50L)]
    [TestCase("LogSoftmax", 50L)]
    [TestCase("Hardmax", 10L)]
    public void Softmax_family_per_element(string op, long flops)
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 2, 5);
        var y = builder.Typed(op, new[] { x }, new long[] { 2, 5 }, ("axis", -1L));

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(flops));
            Assert.That(report.Count("macs"), Is.Zero);
            Assert.That(report.Count("activations_all"), Is.EqualTo(10));
        });
    }
}
