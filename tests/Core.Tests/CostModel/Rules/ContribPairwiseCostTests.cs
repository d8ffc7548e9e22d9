using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>com.microsoft ComplexMul, ComplexMulConj and CDist against ONNX Runtime's contrib operator documentation.</summary>
public sealed class ContribPairwiseCostTests
{
    private const string Contrib = "com.microsoft";

    [TestCase("ComplexMul")]
    [TestCase("ComplexMulConj")]
    public void Complex_product_costs_six_flops_per_pair(string opType)
    {
        var builder = new Builder().Opset(Contrib, 1);
        var y = builder.NodeIn(Contrib, opType, new[] { builder.Input("a", ElementType.Float, 2, 1, 8, 2), builder.Input("b", ElementType.Float, 3, 8, 2) }, new[] { "y" });

        var report = builder.Analyze(y);

        // Output (2, 3, 8, 2): 48 complex products of 4 multiplies and 2 adds, 288 FLOPs.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.Zero);
            Assert.That(report.Count("flops"), Is.EqualTo(48 * 6));
        });
    }

    [TestCase("euclidean", 35L)]
    [TestCase("sqeuclidean", 0L)]
    public void Cdist_subtracts_and_multiply_adds_each_coordinate_of_each_pair(string metric, long roots)
    {
        var builder = new Builder().Opset(Contrib, 1);
        var y = builder.NodeIn(Contrib, "CDist", new[] { builder.Input("a", ElementType.Float, 5, 3), builder.Input("b", ElementType.Float, 7, 3) }, new[] { "y" },
            ("metric", metric));

        var report = builder.Analyze(y);

        // 5 · 7 = 35 pairs of 3 coordinates: 105 MACs, 2 · 105 + 105 subtracts, + 35 roots for euclidean.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(105));
            Assert.That(report.Count("flops"), Is.EqualTo((3 * 105) + roots));
        });
    }
}
