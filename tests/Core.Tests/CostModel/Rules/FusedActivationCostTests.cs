using EfficiencyMisnomer.Tensors;
using EfficiencyMisnomer.Tests.Shapes;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

public sealed class FusedActivationCostTests
{
    private const string Contrib = "com.microsoft";

    [TestCase("FastGelu", false, 9L)]
    [TestCase("FastGelu", true, 10L)]
    [TestCase("BiasGelu", true, 6L)]
    [TestCase("Gelu", false, 5L)]
    [TestCase("QuickGelu", false, 6L)]
    [TestCase("BiasSoftmax", true, 6L)]
    [TestCase("BiasDropout", true, 1L)]
    public void Gelu_variants_cost_their_formula_per_element(string op, bool bias, long perElement)
    {
        var builder = new Builder().Opset(Contrib, 1);
        var x = builder.Input("x", ElementType.Float, 2, 3, 8);
        var inputs = bias ? new[] { x, builder.Weight("bias", 8) } : new[] { x };
        var y = builder.Declare(builder.NodeIn(Contrib, op, inputs, new[] { "y" }), ElementType.Float, 2, 3, 8);

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(perElement * 48));
            Assert.That(report.Count("macs"), Is.Zero);
            Assert.That(report.Count("activations_all"), Is.EqualTo(48));
        });
    }

    [Test]
    public void Bias_add_adds_the_bias_and_the_skip()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var x = builder.Input("x", ElementType.Float, 2, 3, 8);
        var skip = builder.Input("skip", ElementType.Float, 2, 3, 8);
        var y = builder.Declare(builder.NodeIn(Contrib, "BiasAdd", new[] { x, builder.Weight("bias", 8), skip }, new[] { "y" }), ElementType.Float, 2, 3, 8);

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(2 * 48));
            Assert.That(report.Count("memory_access"), Is.EqualTo((48 + 8 + 48 + 48) * 4));
        });
    }

    [Test]
    public void Bias_dropout_adds_the_residual_and_keeps_the_data_shape()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var x = builder.Input("x", ElementType.Float, 2, 3, 8);
        var residual = builder.Input("residual", ElementType.Float, 2, 3, 8);
        var y = builder.NodeIn(Contrib, "BiasDropout", new[] { x, builder.Weight("bias", 8), residual }, new[] { "y", "mask" });

        var types = builder.Infer();
        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("mask"), Is.EqualTo("[2x3x8]"));
            Assert.That(report.Count("flops"), Is.EqualTo(2 * 48));
        });
    }
}
