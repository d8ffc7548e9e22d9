using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class SkipLayerNormalizationShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Skip_layer_normalization_outputs_rows_and_the_residual_sum()
    {
        var b = new Builder().Opset(Contrib, 1);
        var x = b.Input("x", ElementType.Float, 2, 3, 8);
        var skip = b.Input("skip", ElementType.Float, 2, 3, 8);
        b.NodeIn(Contrib, "SkipLayerNormalization", new[] { x, skip, b.Weight("g", 8), b.Weight("b", 8) }, new[] { "y", "mean", "inv", "sum" });
        b.NodeIn(Contrib, "SkipSimplifiedLayerNormalization", new[] { x, skip, b.Weight("g2", 8) }, new[] { "z" });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[2x3x8]"));
            Assert.That(types.Shape("mean"), Is.EqualTo("[2x3x1]"));
            Assert.That(types.Shape("inv"), Is.EqualTo("[2x3x1]"));
            Assert.That(types.Shape("sum"), Is.EqualTo("[2x3x8]"));
            Assert.That(types.Shape("z"), Is.EqualTo("[2x3x8]"));
        });
    }
}
