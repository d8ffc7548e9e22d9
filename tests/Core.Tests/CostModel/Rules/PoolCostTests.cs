using EfficiencyMisnomer.Onnx;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

public sealed class PoolCostTests
{
    [Test]
    public void Max_pool_compares_every_kernel_position_per_output()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 2, 5, 5);
        var y = builder.Typed("MaxPool", new[] { x }, new long[] { 1, 2, 3, 3 },
            ("kernel_shape", new long[] { 3, 3 }), ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }));

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(18 * 9));
            Assert.That(report.Count("macs"), Is.Zero);
            Assert.That(report.Count("activations"), Is.Zero);
            Assert.That(report.Count("activations_all"), Is.EqualTo(18));
            Assert.That(report.Count("memory_access"), Is.EqualTo((50 + 18) * 4));
        });
    }

    [Test]
    public void Average_pool_adds_one_division_per_output()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 2, 4, 4);
        var y = builder.Typed("AveragePool", new[] { x }, new long[] { 1, 2, 2, 2 },
            ("kernel_shape", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 }));

        var report = builder.Analyze(y);

        Assert.That(report.Count("flops"), Is.EqualTo(8 * (4 + 1)));
    }

    [TestCase("GlobalAveragePool", 48L + 3L)]
    [TestCase("GlobalMaxPool", 48L)]
    [TestCase("GlobalLpPool", 96L + 3L)]
    public void Global_pools_read_every_input_element(string op, long flops)
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 3, 4, 4);
        var y = builder.Typed(op, new[] { x }, new long[] { 1, 3, 1, 1 });

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(flops));
            Assert.That(report.Count("activations_all"), Is.EqualTo(3));
        });
    }
}
