using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

public sealed class ElementwiseCostTests
{
    [Test]
    public void Broadcast_add_costs_one_flop_per_output_element()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 2, 3);
        var b = builder.Weight("b", 3);
        var y = builder.Typed("Add", new[] { x, b }, new long[] { 2, 3 });

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.Zero);
            Assert.That(report.Count("flops"), Is.EqualTo(6));
            Assert.That(report.Count("activations"), Is.Zero);
            Assert.That(report.Count("activations_all"), Is.EqualTo(6));
            Assert.That(report.Count("memory_access"), Is.EqualTo((6 + 3 + 6) * 4));
        });
    }

    [TestCase("Sum", 8L)]
    [TestCase("Max", 8L)]
    [TestCase("Min", 8L)]
    [TestCase("Mean", 12L)]
    public void Variadic_operators_combine_n_inputs_with_n_minus_one_operations(string op, long flops)
    {
        var builder = new Builder();
        var a = builder.Input("a", ElementType.Float, 4);
        var b = builder.Input("b", ElementType.Float, 4);
        var c = builder.Input("c", ElementType.Float, 4);
        var y = builder.Typed(op, new[] { a, b, c }, new long[] { 4 });

        var report = builder.Analyze(y);

        Assert.That(report.Count("flops"), Is.EqualTo(flops));
    }

    [Test]
    public void Comparison_and_where_count_their_outputs_and_traffic_at_element_size()
    {
        var builder = new Builder();
        var a = builder.Input("a", ElementType.Float, 4);
        var b = builder.Input("b", ElementType.Float, 4);
        var mask = builder.Typed("Greater", new[] { a, b }, ElementType.Bool, new long[] { 4 });
        var y = builder.Typed("Where", new[] { mask, a, b }, new long[] { 4 });

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(4 + 4));
            Assert.That(report.Count("activations_all"), Is.EqualTo(8));
            Assert.That(report.Count("memory_access"), Is.EqualTo((16 + 16 + 4) + (4 + 16 + 16 + 16)));
        });
    }
}
