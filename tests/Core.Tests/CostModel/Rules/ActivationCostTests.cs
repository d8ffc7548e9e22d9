using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

public sealed class ActivationCostTests
{
    [TestCase("Relu", 1)]
    [TestCase("Erf", 1)]
    [TestCase("Tanh", 1)]
    [TestCase("Sqrt", 1)]
    [TestCase("Sigmoid", 4)]
    [TestCase("HardSigmoid", 4)]
    [TestCase("HardSwish", 5)]
    [TestCase("LeakyRelu", 2)]
    [TestCase("Elu", 4)]
    [TestCase("Softplus", 3)]
    [TestCase("Mish", 5)]
    [TestCase("Clip", 2)]
    public void Unary_operators_cost_a_fixed_number_of_flops_per_element(string op, int perElement)
    {
        var builder = new Builder(opset: 18);
        var x = builder.Input("x", ElementType.Float, 2, 5);
        var y = builder.Typed(op, new[] { x }, new long[] { 2, 5 });

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(perElement * 10));
            Assert.That(report.Count("activations"), Is.Zero);
            Assert.That(report.Count("activations_all"), Is.EqualTo(10));
            Assert.That(report.Count("memory_access"), Is.EqualTo(80));
        });
    }

    [TestCase("none", 5)]
    [TestCase("tanh", 9)]
    public void Gelu_cost_depends_on_the_approximation(string approximate, int perElement)
    {
        var builder = new Builder(opset: 20);
        var x = builder.Input("x", ElementType.Float, 2, 5);
        var y = builder.Typed("Gelu", new[] { x }, new long[] { 2, 5 }, ("approximate", approximate));

        var report = builder.Analyze(y);

        Assert.That(report.Count("flops"), Is.EqualTo(perElement * 10));
    }

    [Test]
    public void PRelu_counts_compare_and_multiply_per_output_element()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 3, 2, 2);
        var slope = builder.Weight("slope", 3, 1, 1);
        var y = builder.Typed("PRelu", new[] { x, slope }, new long[] { 1, 3, 2, 2 });

        var report = builder.Analyze(y);

        Assert.That(report.Count("flops"), Is.EqualTo(24));
    }

    [Test]
    public void Swish_scales_then_gates_each_element_whatever_its_alpha()
    {
        var builder = new Builder(opset: 24);
        var y = builder.Op("Swish", new[] { builder.Input("x", ElementType.Float, 2, 3, 4) }, ("alpha", 1.702f));

        var report = builder.Analyze(y);

        // 2·3·4 = 24 elements at alpha·x (1), sigmoid (4) and the gate x·s (1): 144.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(6 * 24));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }
}
