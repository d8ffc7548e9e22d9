using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>The random generators and Col2Im, worked by hand; none of them counts as an unknown operator.</summary>
public sealed class RandomAndCol2ImCostTests
{
    [Test]
    public void Random_draws_cost_the_arithmetic_that_shapes_them()
    {
        var b = new Builder(opset: 15);
        var x = b.Input("x", ElementType.Float, 4, 8);
        var uniform = b.Op("RandomUniformLike", new[] { x });
        var normal = b.Op("RandomNormal", Array.Empty<string>(), ("shape", new long[] { 3, 5 }));
        var coin = b.Op("Bernoulli", new[] { b.Op("Sigmoid", new[] { x }) });
        var sample = b.Op("Multinomial", new[] { b.Input("logits", ElementType.Float, 2, 10) }, ("sample_size", 4L));
        var sum = b.Op("Add", new[] { b.Op("Add", new[] { uniform, coin }), b.Op("Cast", new[] { b.Op("ReduceSum", new[] { normal }) }, ("to", 1L)) });

        var report = b.Analyze(b.Op("Add", new[] { b.Op("ReduceSum", new[] { b.Op("Cast", new[] { sample }, ("to", 1L)) }), sum }));

        var draws = (2 * 32) + (2 * 15) + 32 + ((2 * 2 * 10) + (2 * 4 * 4));
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("unknown_ops"), Is.Zero);
            Assert.That(report.Nodes.Where(n => n.OpType is "RandomUniformLike" or "RandomNormal" or "Bernoulli" or "Multinomial").Sum(n => n.Flops), Is.EqualTo(draws));
        });
    }

    [Test]
    public void Col2im_adds_every_column_element_into_the_image()
    {
        var b = new Builder(opset: 18);
        var y = b.Op("Col2Im", new[] { b.Input("x", ElementType.Float, 2, 12, 9), b.Int64s("image", 6, 6), b.Int64s("block", 2, 2) }, ("strides", new long[] { 2, 2 }));

        var report = b.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(2 * 12 * 9));
            Assert.That(report.Count("macs"), Is.Zero);
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }
}
