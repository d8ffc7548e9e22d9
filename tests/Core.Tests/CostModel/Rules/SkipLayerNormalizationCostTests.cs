using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

public sealed class SkipLayerNormalizationCostTests
{
    private const string Contrib = "com.microsoft";

    [TestCase(false, false, 7L)]
    [TestCase(true, true, 9L)]
    public void Skip_layer_normalization_adds_the_residual_then_normalizes(bool beta, bool bias, long perElement)
    {
        var builder = new Builder().Opset(Contrib, 1);
        var x = builder.Input("x", ElementType.Float, 2, 3, 8);
        var skip = builder.Input("skip", ElementType.Float, 2, 3, 8);
        var inputs = new[] { x, skip, builder.Weight("gamma", 8), beta ? builder.Weight("beta", 8) : "", bias ? builder.Weight("bias", 8) : "" };
        var y = builder.Declare(builder.NodeIn(Contrib, "SkipLayerNormalization", inputs, new[] { "y" }), ElementType.Float, 2, 3, 8);

        var report = builder.Analyze(y);

        // Residual 1 (+ bias 1), normalization 5, gamma 1 (+ beta 1).
        Assert.That(report.Count("flops"), Is.EqualTo(perElement * 48));
    }

    [Test]
    public void Skip_simplified_layer_normalization_is_a_residual_rms_norm()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var x = builder.Input("x", ElementType.Float, 4, 8);
        var skip = builder.Input("skip", ElementType.Float, 4, 8);
        var y = builder.Declare(builder.NodeIn(Contrib, "SkipSimplifiedLayerNormalization", new[] { x, skip, builder.Weight("gamma", 8) }, new[] { "y" }),
            ElementType.Float, 4, 8);

        var report = builder.Analyze(y);

        Assert.That(report.Count("flops"), Is.EqualTo((1 + 4) * 32));
    }
}
