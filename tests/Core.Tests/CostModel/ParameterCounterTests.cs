using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Tensors;
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
    public void Integer_constant_nodes_count_when_a_quantized_operator_reads_them_as_weights()
    {
        // torch's quantized exports: each int8 weight and int32 bias is a Constant node feeding DequantizeLinear.
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 2, 4, 4);
        var weight = builder.Node("Constant", Array.Empty<string>(), new[] { "qw" },
            ("value", Builder.Tensor(ElementType.Int8, new long[] { 3, 2, 1, 1 }, new sbyte[6])));
        var bias = builder.Node("Constant", Array.Empty<string>(), new[] { "qb" },
            ("value", Builder.Tensor(ElementType.Int32, new long[] { 3 }, new int[3])));
        var scale = builder.Node("Constant", Array.Empty<string>(), new[] { "scale" },
            ("value", Builder.Tensor(ElementType.Float, Array.Empty<long>(), new float[] { 0.5f })));
        var zeros = builder.Node("Constant", Array.Empty<string>(), new[] { "zeros" },
            ("value", Builder.Tensor(ElementType.Int8, new long[] { 3 }, new sbyte[3])));
        var shape = builder.Node("Constant", Array.Empty<string>(), new[] { "shape" },
            ("value", Builder.Tensor(ElementType.Int64, new long[] { 2 }, new long[] { 1, 48 })));
        var w = builder.Typed("DequantizeLinear", new[] { weight, scale, zeros }, new long[] { 3, 2, 1, 1 });
        var b = builder.Typed("DequantizeLinear", new[] { bias, scale }, new long[] { 3 });
        var conv = builder.Typed("Conv", new[] { x, w, b }, new long[] { 1, 3, 4, 4 });
        var y = builder.Typed("Reshape", new[] { conv, shape }, new long[] { 1, 48 });

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("params"), Is.EqualTo(6 + 3), "the weight and the bias; not the zero points (a quantization parameter) nor the shape");
            Assert.That(report.Count("macs"), Is.EqualTo(6 * 16));
        });
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

    [Test]
    public void Quantized_weights_and_biases_count_but_scales_and_zero_points_do_not()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.UInt8, 1, 2, 4, 4);
        var scale = builder.Floats("scale", Array.Empty<long>(), new[] { 0.1f });
        var weightScales = builder.Floats("w_scale", new long[] { 3 }, new[] { 0.1f, 0.2f, 0.3f });
        var zero = builder.Initializer("zero", ElementType.UInt8, Array.Empty<long>());
        var weightZeros = builder.Initializer("w_zero", ElementType.Int8, new long[] { 3 });
        var conv = builder.Typed("QLinearConv", new[]
        {
            x, scale, zero, builder.Initializer("w", ElementType.Int8, new long[] { 3, 2, 3, 3 }), weightScales, weightZeros, scale, zero,
            builder.Initializer("bias", ElementType.Int32, new long[] { 3 }),
        }, ElementType.UInt8, new long[] { 1, 3, 2, 2 });
        var table = builder.Initializer("qtable", ElementType.Int8, new long[] { 5, 4 });
        var dequantized = builder.Typed("DequantizeLinear", new[] { table, scale }, new long[] { 5, 4 });
        var ids = builder.Int64s("ids", 1, 2);
        var gathered = builder.Typed("Gather", new[] { dequantized, ids }, new long[] { 2, 4 });
        builder.Output(conv);

        var report = builder.Analyze(gathered);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("params"), Is.EqualTo(54 + 3 + 20));
            Assert.That(report.Count("param_uses"), Is.EqualTo(54 + 3 + 20));
        });
    }

    [Test]
    public void Integer_matmul_weights_count_from_either_operand()
    {
        var builder = new Builder();
        var a = builder.Input("a", ElementType.UInt8, 2, 3);
        var right = builder.Typed("MatMulInteger", new[] { a, builder.Initializer("b", ElementType.Int8, new long[] { 3, 4 }) }, ElementType.Int32, new long[] { 2, 4 });
        var left = builder.Typed("MatMulInteger", new[] { builder.Initializer("c", ElementType.UInt8, new long[] { 5, 2 }), a, builder.Initializer("cz", ElementType.UInt8, Array.Empty<long>()) },
            ElementType.Int32, new long[] { 5, 3 });
        var image = builder.Input("image", ElementType.UInt8, 1, 1, 3, 3);
        var conv = builder.Typed("ConvInteger", new[] { image, builder.Initializer("k", ElementType.UInt8, new long[] { 2, 1, 2, 2 }) }, ElementType.Int32, new long[] { 1, 2, 2, 2 });
        builder.Output(right);
        builder.Output(left);

        var report = builder.Analyze(conv);

        Assert.That(report.Count("params"), Is.EqualTo(12 + 10 + 8));
    }
}
