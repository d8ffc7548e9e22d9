using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

public sealed class ReduceCostTests
{
    [TestCase("ReduceSum", 6L)]
    [TestCase("ReduceMax", 6L)]
    [TestCase("ReduceMean", 6L + 2L)]
    [TestCase("ReduceL2", 12L + 2L)]
    [TestCase("ReduceSumSquare", 12L)]
    [TestCase("ReduceLogSumExp", 12L + 2L)]
    [TestCase("ArgMax", 6L)]
    [TestCase("CumSum", 6L)]
    public void Reductions_read_each_input_element(string op, long flops)
    {
        var builder = new Builder(opset: 13);
        var x = builder.Input("x", ElementType.Float, 2, 3);
        var output = op == "CumSum" ? new long[] { 2, 3 } : new long[] { 2, 1 };
        var inputs = op == "CumSum" ? new[] { x, builder.Int64s("axis", Array.Empty<long>(), new long[] { 1 }) } : new[] { x };
        var attributes = op is "ReduceSum" or "CumSum" ? Array.Empty<(string, object)>() : new[] { ("axes", (object)new long[] { 1 }) };
        if (op == "ArgMax")
        {
            attributes = new[] { ("axis", (object)1L) };
        }

        var report = builder.Analyze(builder.Typed(op, inputs, output, attributes));

        Assert.That(report.Count("flops"), Is.EqualTo(flops));
    }

    [Test]
    public void Reduction_told_to_do_nothing_costs_nothing()
    {
        var builder = new Builder(opset: 18);
        var x = builder.Input("x", ElementType.Float, 2, 3);
        var y = builder.Typed("ReduceMean", new[] { x }, new long[] { 2, 3 }, ("noop_with_empty_axes", 1L));

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.Zero);
            Assert.That(report.Count("activations_all"), Is.EqualTo(6));
        });
    }
}
