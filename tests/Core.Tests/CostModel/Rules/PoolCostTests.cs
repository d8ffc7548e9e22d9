using EfficiencyMisnomer.Tensors;
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

    [Test]
    public void Lp_pool_raises_adds_and_takes_one_root_per_output()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 1, 4, 4);
        var y = builder.Typed("LpPool", new[] { x }, new long[] { 1, 1, 2, 2 }, ("kernel_shape", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 }));

        var report = builder.Analyze(y);

        Assert.That(report.Count("flops"), Is.EqualTo(4 * ((2 * 4) + 1)));
    }

    [Test]
    public void One_and_three_dimensional_pools_use_every_kernel_dim()
    {
        var builder = new Builder();
        var line = builder.Input("line", ElementType.Float, 1, 2, 9);
        var max = builder.Typed("MaxPool", new[] { line }, new long[] { 1, 2, 4 }, ("kernel_shape", new long[] { 3 }), ("strides", new long[] { 2 }));
        var volume = builder.Input("volume", ElementType.Float, 1, 1, 4, 4, 4);
        var average = builder.Typed("AveragePool", new[] { volume }, new long[] { 1, 1, 2, 2, 2 },
            ("kernel_shape", new long[] { 2, 2, 2 }), ("strides", new long[] { 2, 2, 2 }));
        builder.Output(max);

        var report = builder.Analyze(average);

        Assert.That(report.Count("flops"), Is.EqualTo((8 * 3) + (8 * (8 + 1))));
    }

    [Test]
    public void Dilated_max_pool_compares_kernel_positions_not_the_dilated_window()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 1, 5, 5);
        var y = builder.Typed("MaxPool", new[] { x }, new long[] { 1, 1, 3, 3 }, ("kernel_shape", new long[] { 2, 2 }), ("dilations", new long[] { 2, 2 }));

        var report = builder.Analyze(y);

        Assert.That(report.Count("flops"), Is.EqualTo(9 * 4));
    }

    [Test]
    public void Max_roi_pool_costs_the_largest_bin_a_region_can_have()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 2, 6, 6);
        var rois = builder.Input("rois", ElementType.Float, 3, 5);
        var y = builder.Typed("MaxRoiPool", new[] { x, rois }, new long[] { 3, 2, 2, 3 }, ("pooled_shape", new long[] { 2, 3 }));

        var report = builder.Analyze(y);

        // 36 outputs, each a bin of at most ⌈6/2⌉·⌈6/3⌉ = 6 positions.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(36 * 6));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    [TestCase(2L, 4L)]
    [TestCase(0L, 9L)]
    public void Roi_align_reads_each_sample_of_a_bin_bilinearly(long samplingRatio, long samples)
    {
        var builder = new Builder(opset: 22);
        var inputs = new[] { builder.Input("x", ElementType.Float, 1, 2, 12, 12), builder.Input("rois", ElementType.Float, 3, 4), builder.Input("batch", ElementType.Int64, 3) };
        var y = builder.Op("RoiAlign", inputs, ("output_height", 4L), ("output_width", 4L), ("sampling_ratio", samplingRatio));

        var report = builder.Analyze(y);

        // Output (3, 2, 4, 4): 96 elements. A bin holds 2·2 = 4 samples, or with the adaptive ratio at most
        // ⌈12/4⌉·⌈12/4⌉ = 9 (a region covering the map); each sample is 4 neighbours weighed and 1 accumulation.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(96 * samples * 5));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }
}
