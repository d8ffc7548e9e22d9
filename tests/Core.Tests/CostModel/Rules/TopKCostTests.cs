using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

public sealed class TopKCostTests
{
    [TestCase(1L, 10L)]
    [TestCase(4L, 20L)]
    [TestCase(5L, 30L)]
    public void TopK_costs_log2_k_compares_per_input_element(long k, long flops)
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 10);
        var count = builder.Int64s("k", k);
        var values = builder.Node("TopK", new[] { x, count }, new[] { "values", "indices" });
        builder.Declare(values, ElementType.Float, k);
        builder.Declare("indices", ElementType.Int64, k);

        var report = builder.Analyze(values);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(flops));
            Assert.That(report.Count("activations_all"), Is.EqualTo(2 * k));
        });
    }
}
