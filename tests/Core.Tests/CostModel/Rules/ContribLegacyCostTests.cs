using EfficiencyMisnomer.Tensors;
using EfficiencyMisnomer.Tests.Shapes;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>The legacy com.microsoft Pad, GatherND, Trilu, Unique, ExpandDims and Range cost as their ONNX twins: no arithmetic.</summary>
public sealed class ContribLegacyCostTests
{
    private const string Contrib = "com.microsoft";

    [TestCase("Pad")]
    [TestCase("GatherND")]
    [TestCase("Trilu")]
    [TestCase("Unique")]
    [TestCase("ExpandDims")]
    [TestCase("Range")]
    public void Moves_or_views_without_flops(string opType)
    {
        var builder = new Builder().Opset(Contrib, 1);
        var y = opType switch
        {
            "Pad" => builder.NodeIn(Contrib, opType, new[] { builder.Input("x", ElementType.Float, 3, 2), builder.Int64s("pads", 0, 2, 0, 0) }, new[] { "y" }),
            "GatherND" => builder.NodeIn(Contrib, opType, new[] { builder.Input("x", ElementType.Float, 2, 3), builder.Input("i", ElementType.Int64, 5, 1) }, new[] { "y" }),
            "Unique" => builder.NodeIn(Contrib, opType, new[] { builder.Input("x", ElementType.Float, 6) }, new[] { "y", "idx", "counts" }),
            "ExpandDims" => builder.NodeIn(Contrib, opType, new[] { builder.Input("x", ElementType.Float, 2, 3), builder.Scalar("axis", 0) }, new[] { "y" }),
            "Range" => builder.NodeIn(Contrib, opType, new[] { builder.Scalar("start", 0), builder.Scalar("limit", 5) }, new[] { "y" }),
            _ => builder.NodeIn(Contrib, opType, new[] { builder.Input("x", ElementType.Float, 2, 3) }, new[] { "y" }),
        };

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.Zero);
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }
}
