using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

public sealed class ViewCostTests
{
    [Test]
    public void Views_and_metadata_cost_nothing_and_are_not_unknown()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 2, 3);
        var shape = builder.Int64s("shape", 6);
        var axes = builder.Int64s("axes", 0);
        var flat = builder.Typed("Reshape", new[] { x, shape }, new long[] { 6 });
        var wide = builder.Typed("Unsqueeze", new[] { flat, axes }, new long[] { 1, 6 });
        var same = builder.Typed("Identity", new[] { wide }, new long[] { 1, 6 });
        var kept = builder.Typed("Dropout", new[] { same }, new long[] { 1, 6 });
        var narrow = builder.Typed("Squeeze", new[] { kept, axes }, new long[] { 6 });
        var dims = builder.Typed("Shape", new[] { narrow }, ElementType.Int64, new long[] { 1 });
        var y = builder.Typed("Flatten", new[] { x }, new long[] { 1, 6 });
        builder.Output(dims);

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.Zero);
            Assert.That(report.Count("activations_all"), Is.Zero);
            Assert.That(report.Count("memory_access"), Is.Zero);
            Assert.That(report.Count("unknown_ops"), Is.Zero);
            Assert.That(report.Nodes.Select(n => n.Class), Is.All.EqualTo(EfficiencyMisnomer.CostModel.OperatorClass.View));
        });
    }
}
