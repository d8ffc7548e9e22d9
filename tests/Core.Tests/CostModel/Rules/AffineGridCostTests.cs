using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

public sealed class AffineGridCostTests
{
    [Test]
    public void Affine_grid_transforms_each_homogeneous_location_by_theta()
    {
        var builder = new Builder(opset: 20);
        var y = builder.Op("AffineGrid", new[] { builder.Input("theta", ElementType.Float, 2, 2, 3), builder.Int64s("size", 2, 3, 5, 7) });

        var report = builder.Analyze(y);

        // Output (2, 5, 7, 2): 140 coordinates, each a row of theta (2, 3) times (x, y, 1): 3 MACs, 420 in all.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(140 * 3));
            Assert.That(report.Count("flops"), Is.EqualTo(2 * 140 * 3));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }
}
