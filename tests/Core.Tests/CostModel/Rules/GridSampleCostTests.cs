using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>GridSample against ONNX Runtime's contrib operator documentation and the ONNX operator.</summary>
public sealed class GridSampleCostTests
{
    private const string Contrib = "com.microsoft";

    [TestCase("bilinear", 4L)]
    [TestCase("bicubic", 16L)]
    [TestCase("nearest", 0L)]
    public void Weighs_the_neighbours_of_each_output_and_unnormalizes_each_coordinate(string mode, long neighbours)
    {
        var builder = new Builder().Opset(Contrib, 1);
        var y = builder.NodeIn(Contrib, "GridSample", new[] { builder.Input("x", ElementType.Float, 2, 3, 8, 8), builder.Input("grid", ElementType.Float, 2, 5, 6, 2) },
            new[] { "y" }, ("mode", mode));

        var report = builder.Analyze(y);

        // Output (2, 3, 5, 6): 180 elements, each weighing 2·2 (bilinear) or 4·4 (bicubic) neighbours;
        // the grid's 2·5·6·2 = 120 coordinates unnormalized with a multiply and an add each: 240.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.Zero);
            Assert.That(report.Count("flops"), Is.EqualTo((180 * neighbours) + 240));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    [Test]
    public void The_onnx_operator_weighs_neighbours_along_every_spatial_dim()
    {
        var builder = new Builder(opset: 20);
        var y = builder.Op("GridSample", new[] { builder.Input("x", ElementType.Float, 1, 2, 4, 8, 8), builder.Input("grid", ElementType.Float, 1, 2, 3, 5, 3) }, ("mode", "linear"));

        var report = builder.Analyze(y);

        // Output (1, 2, 2, 3, 5): 60 elements, each weighing 2·2·2 neighbours (trilinear): 480;
        // the grid's 1·2·3·5·3 = 90 coordinates unnormalized with a multiply and an add each: 180.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(480 + 180));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }
}
