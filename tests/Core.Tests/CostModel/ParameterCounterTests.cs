using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Onnx;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel;

public sealed class ParameterCounterTests
{
    [Test]
    public void Batch_norm_running_statistics_are_not_parameters()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 3, 4, 4);
        var conv = builder.Typed("Conv", new[] { x, builder.Weight("w", 4, 3, 3, 3) }, new long[] { 1, 4, 2, 2 });
        var y = builder.Typed("BatchNormalization",
            new[] { conv, builder.Weight("scale", 4), builder.Weight("bias", 4), builder.Weight("mean", 4), builder.Weight("var", 4) },
            new long[] { 1, 4, 2, 2 });

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("params"), Is.EqualTo(108 + 8));
            Assert.That(report.Count("param_uses"), Is.EqualTo(108 + 8));
            Assert.That(report["sharing_factor"].Value, Is.EqualTo(1.0));
        });
    }

    [Test]
    public void Shared_weight_counts_once_in_params_and_at_every_use()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 4);
        var w = builder.Weight("w", 4, 4);
        var h = builder.Typed("MatMul", new[] { x, w }, new long[] { 1, 4 });
        var h2 = builder.Typed("MatMul", new[] { h, w }, new long[] { 1, 4 });
        var y = builder.Typed("MatMul", new[] { h2, w }, new long[] { 1, 4 });

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("params"), Is.EqualTo(16));
            Assert.That(report.Count("param_uses"), Is.EqualTo(48));
            Assert.That(report["sharing_factor"].Value, Is.EqualTo(3.0));
        });
    }

    [Test]
    public void Table_read_only_by_gather_is_an_embedding()
    {
        var builder = new Builder();
        var ids = builder.Input("ids", ElementType.Int64, 3);
        var rows = builder.Typed("Gather", new[] { builder.Weight("table", 10, 4), ids }, new long[] { 3, 4 });
        var y = builder.Typed("MatMul", new[] { rows, builder.Weight("proj", 4, 2) }, new long[] { 3, 2 });

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("params"), Is.EqualTo(48));
            Assert.That(report.Count("embedding_params"), Is.EqualTo(40));
        });
    }

    [Test]
    public void Float_constant_nodes_count_unless_scalar()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 2, 2);
        var matrix = builder.Node("Constant", Array.Empty<string>(), new[] { "matrix" },
            ("value", Builder.Tensor(ElementType.Float, new long[] { 2, 2 }, new float[4])));
        var scalar = builder.Node("Constant", Array.Empty<string>(), new[] { "scalar" },
            ("value", Builder.Tensor(ElementType.Float, Array.Empty<long>(), new float[1])));
        var indices = builder.Node("Constant", Array.Empty<string>(), new[] { "indices" },
            ("value", Builder.Tensor(ElementType.Int64, new long[] { 1 }, new long[] { 4 })));
        var scaled = builder.Typed("Mul", new[] { x, matrix }, new long[] { 2, 2 });
        var shifted = builder.Typed("Add", new[] { scaled, scalar }, new long[] { 2, 2 });
        var y = builder.Typed("Reshape", new[] { shifted, indices }, new long[] { 4 });

        var report = builder.Analyze(y);

        Assert.That(report.Count("params"), Is.EqualTo(4));
    }

    [Test]
    public void Unused_initializer_is_not_a_parameter()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 4);
        builder.Weight("orphan", 100);
        var y = builder.Typed("Mul", new[] { x, builder.Weight("gain", 4) }, new long[] { 4 });
        builder.Output(y);

        var count = ParameterCounter.Count(builder.Load());

        Assert.Multiple(() =>
        {
            Assert.That(count.Params, Is.EqualTo(4));
            Assert.That(count.Tensors, Is.EqualTo(1));
            Assert.That(count.UnusedTensors, Is.EqualTo(1));
        });
    }
}
