using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

public sealed class NormalizationCostTests
{
    [Test]
    public void Batch_normalization_folds_to_a_multiply_and_an_add()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 3, 2, 2);
        var stats = new[] { "scale", "bias", "mean", "var" }.Select(n => builder.Weight(n, 3)).ToArray();
        var y = builder.Typed("BatchNormalization", new[] { x }.Concat(stats).ToArray(), new long[] { 1, 3, 2, 2 });

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(24));
            Assert.That(report.Count("activations"), Is.Zero);
            Assert.That(report.Count("memory_access"), Is.EqualTo((12 + 12 + 12) * 4));
        });
    }

    [TestCase(true, 7)]
    [TestCase(false, 6)]
    public void Layer_normalization_counts_statistics_scale_and_optional_bias(bool bias, int perElement)
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 2, 4);
        var inputs = new List<string> { x, builder.Weight("gamma", 4) };
        if (bias)
        {
            inputs.Add(builder.Weight("beta", 4));
        }

        var y = builder.Typed("LayerNormalization", inputs.ToArray(), new long[] { 2, 4 }, ("axis", -1L));

        var report = builder.Analyze(y);

        Assert.That(report.Count("flops"), Is.EqualTo(perElement * 8));
    }

    [Test]
    public void Decomposed_layer_normalization_costs_each_node()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 2, 4);
        var two = builder.Floats("two", Array.Empty<long>(), new[] { 2f });
        var eps = builder.Floats("eps", Array.Empty<long>(), new[] { 1e-5f });
        var gamma = builder.Weight("gamma", 4);
        var beta = builder.Weight("beta", 4);
        var axes = ("axes", (object)new long[] { -1 });
        var mean = builder.Typed("ReduceMean", new[] { x }, new long[] { 2, 1 }, axes);
        var centred = builder.Typed("Sub", new[] { x, mean }, new long[] { 2, 4 });
        var squared = builder.Typed("Pow", new[] { centred, two }, new long[] { 2, 4 });
        var variance = builder.Typed("ReduceMean", new[] { squared }, new long[] { 2, 1 }, axes);
        var shifted = builder.Typed("Add", new[] { variance, eps }, new long[] { 2, 1 });
        var deviation = builder.Typed("Sqrt", new[] { shifted }, new long[] { 2, 1 });
        var normal = builder.Typed("Div", new[] { centred, deviation }, new long[] { 2, 4 });
        var scaled = builder.Typed("Mul", new[] { normal, gamma }, new long[] { 2, 4 });
        var y = builder.Typed("Add", new[] { scaled, beta }, new long[] { 2, 4 });

        var report = builder.Analyze(y);

        // Two means (8 adds + 2 divisions each), sub, pow, div, mul, add (8 each), eps add and sqrt (2 each).
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo((2 * 10) + (5 * 8) + (2 * 2)));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    [TestCase("InstanceNormalization", 7)]
    [TestCase("GroupNormalization", 7)]
    [TestCase("MeanVarianceNormalization", 5)]
    [TestCase("LpNormalization", 3)]
    [TestCase("RMSNormalization", 4)]
    [TestCase("SimplifiedLayerNormalization", 4)]
    public void Other_normalizations_per_element(string op, int perElement)
    {
        var builder = new Builder(opset: 18);
        var x = builder.Input("x", ElementType.Float, 1, 4, 3);
        var inputs = op is "InstanceNormalization" or "GroupNormalization"
            ? new[] { x, builder.Weight("scale", 4), builder.Weight("bias", 4) }
            : new[] { x };
        var attributes = op == "GroupNormalization" ? new[] { ("num_groups", (object)2L) } : Array.Empty<(string, object)>();
        var y = builder.Typed(op, inputs, new long[] { 1, 4, 3 }, attributes);

        var report = builder.Analyze(y);

        Assert.That(report.Count("flops"), Is.EqualTo(perElement * 12));
    }

    [Test]
    public void Lrn_sums_its_window_then_scales_and_divides()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 4, 2, 2);
        var y = builder.Typed("LRN", new[] { x }, new long[] { 1, 4, 2, 2 }, ("size", 3L));

        var report = builder.Analyze(y);

        Assert.That(report.Count("flops"), Is.EqualTo((3 + 5) * 16));
    }

    [Test]
    public void Rms_normalization_counts_its_scale_as_parameters()
    {
        var builder = new Builder(opset: 23);
        var y = builder.Op("RMSNormalization", new[] { builder.Input("x", ElementType.Float, 2, 5, 8), builder.Weight("g", 8) });

        var report = builder.Analyze(y);

        // 2·5·8 = 80 elements at square, sum, normalize and scale: 320; the scale's 8 elements are learned.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(4 * 80));
            Assert.That(report.Count("params"), Is.EqualTo(8));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }
}
