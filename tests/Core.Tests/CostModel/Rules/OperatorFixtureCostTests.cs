using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Tests.Shapes;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>
/// ONNX Attention (opset 23) against the ONNX specification and the com.microsoft QLinear operators against ONNX
/// Runtime's contrib operator documentation, on <see cref="OperatorFixtures"/> (which the runtime tests run in ONNX
/// Runtime to check the shapes asserted here).
/// </summary>
public sealed class OperatorFixtureCostTests
{
    private const long QuantizedElements = 2 * 8 * 6 * 6;

    [Test]
    public void Grouped_query_attention_in_3d_attends_the_past_and_the_new_keys()
    {
        var builder = OperatorFixtures.OnnxAttention(fourD: false);
        var types = builder.Infer();
        var report = StaticAnalyzer.Analyze(builder.Load());

        // 4 query heads of 32 / 4 = 8, 2 key/value heads; keys 5 + 3 = 8; scores 2·4·3·8 = 192, each 8 MACs in Q·Kᵀ
        // and 8 in weights·V; per score scale and softmax (the causal mask selects, it adds nothing).
        const long scores = 2 * 4 * 3 * 8;
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[2x3x32]"));
            Assert.That(types.Shape("present_key"), Is.EqualTo("[2x2x8x8]"));
            Assert.That(types.Shape("present_value"), Is.EqualTo("[2x2x8x8]"));
            Assert.That(report.Count("macs"), Is.EqualTo(scores * 16));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * scores * 16) + (6 * scores)));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    [Test]
    public void Attention_in_4d_takes_the_value_head_size_from_v_and_adds_its_mask_per_score()
    {
        var builder = OperatorFixtures.OnnxAttention(fourD: true);
        var types = builder.Infer();
        var report = StaticAnalyzer.Analyze(builder.Load());

        // Scores 2·4·3·7 = 168; Q·Kᵀ 8 MACs and weights·V 16 per score; scale, mask and softmax 7 per score.
        const long scores = 2 * 4 * 3 * 7;
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[2x4x3x16]"));
            Assert.That(report.Count("macs"), Is.EqualTo(scores * 24));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * scores * 24) + (7 * scores)));
        });
    }

    [Test]
    public void A_softcap_adds_three_flops_per_score()
    {
        var plain = StaticAnalyzer.Analyze(OperatorFixtures.OnnxAttention(fourD: true).Load()).Count("flops");
        var builder = OperatorFixtures.OnnxAttention(fourD: true);
        builder.Graph.Node[0].Attribute.Add(EfficiencyMisnomer.ModelBuilder.ModelBuilder.Attribute("softcap", 30f));

        Assert.That(StaticAnalyzer.Analyze(builder.Load()).Count("flops") - plain, Is.EqualTo(3 * 2 * 4 * 3 * 7));
    }

    // The float twin's FLOPs plus one requantization per output element: 576 elements in, (2, 8, 6, 6).
    [TestCase("QLinearAdd", "[2x8x6x6]", QuantizedElements + QuantizedElements)]
    [TestCase("QLinearMul", "[2x8x6x6]", QuantizedElements + QuantizedElements)]
    [TestCase("QLinearWhere", "[2x8x6x6]", QuantizedElements + QuantizedElements)]
    [TestCase("QLinearSigmoid", "[2x8x6x6]", (4 * QuantizedElements) + QuantizedElements)]
    [TestCase("QLinearLeakyRelu", "[2x8x6x6]", (2 * QuantizedElements) + QuantizedElements)]
    [TestCase("QLinearSoftmax", "[2x8x6x6]", (5 * QuantizedElements) + QuantizedElements)]
    [TestCase("QLinearGlobalAveragePool", "[2x8x1x1]", QuantizedElements + 16 + 16)]
    [TestCase("QLinearGlobalAveragePool-nhwc", "[2x1x1x8]", QuantizedElements + 16 + 16)]
    [TestCase("QLinearAveragePool", "[2x8x3x3]", ((9 + 1) * 144) + 144)]
    [TestCase("QLinearConcat", "[2x12x6x6]", 2 * 12 * 36)]
    public void Quantized_operators_cost_their_float_twin_and_a_requantization(string fixture, string shape, long flops)
    {
        var builder = OperatorFixtures.All[fixture]();
        var types = builder.Infer();
        var report = StaticAnalyzer.Analyze(builder.Load());

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo(shape));
            Assert.That(types.Element("y"), Is.EqualTo(EfficiencyMisnomer.Tensors.ElementType.UInt8));
            Assert.That(report.Count("flops"), Is.EqualTo(flops));
            Assert.That(report.Count("macs"), Is.Zero);
            Assert.That(report.Count("unknown_ops"), Is.Zero);
            Assert.That(report.Count("params"), Is.Zero, "scales and zero points are calibration constants, not parameters");
        });
    }

    [Test]
    public void Quantized_reduce_mean_keeps_or_drops_its_axes()
    {
        foreach (var (keep, shape) in new[] { (1L, "[2x8x1x1]"), (0L, "[2x8]") })
        {
            var builder = new EfficiencyMisnomer.ModelBuilder.ModelBuilder("reduce", opset: 13).Opset("com.microsoft", 1);
            var x = builder.Input("x", EfficiencyMisnomer.Tensors.ElementType.UInt8, 2, 8, 6, 6);
            var scale = builder.Floats("scale", Array.Empty<long>(), new[] { 0.05f });
            var zero = builder.Initializer("zero", EfficiencyMisnomer.Tensors.ElementType.UInt8, Array.Empty<long>());
            builder.NodeIn("com.microsoft", "QLinearReduceMean", new[] { x, scale, zero, scale, zero }, new[] { "y" }, ("axes", new long[] { 2, 3 }), ("keepdims", keep));
            builder.Output("y", EfficiencyMisnomer.Tensors.ElementType.UInt8);

            var report = StaticAnalyzer.Analyze(builder.Load());

            Assert.Multiple(() =>
            {
                Assert.That(builder.Infer().Shape("y"), Is.EqualTo(shape));
                Assert.That(report.Count("flops"), Is.EqualTo(QuantizedElements + 16 + 16), "each element added, each mean divided and requantized");
            });
        }
    }

    [Test]
    public void Fused_gemm_is_the_gemm_and_its_activation_per_output()
    {
        var builder = OperatorFixtures.All["FusedGemm"]();
        var report = StaticAnalyzer.Analyze(builder.Load());

        // 4·16·8 MACs; per output the bias and LeakyRelu's compare and multiply.
        Assert.Multiple(() =>
        {
            Assert.That(builder.Infer().Shape("y"), Is.EqualTo("[4x8]"));
            Assert.That(report.Count("macs"), Is.EqualTo(4 * 16 * 8));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * 4 * 16 * 8) + (3 * 32)));
        });
    }

    [Test]
    public void Transpose_matmul_is_fused_matmul_under_its_older_name()
    {
        var builder = OperatorFixtures.All["TransposeMatMul"]();
        var report = StaticAnalyzer.Analyze(builder.Load());

        Assert.Multiple(() =>
        {
            Assert.That(builder.Infer().Shape("y"), Is.EqualTo("[2x3x5]"));
            Assert.That(report.Count("macs"), Is.EqualTo(2 * 3 * 16 * 5));
        });
    }

    // A (2, 3, 64) times a 64 × 32 weight in each quantized form; 2·3 rows.
    [TestCase("MatMulBlockQuantizedFp8Weight")]
    [TestCase("MatMulBlockQuantizedFp4Weight")]
    [TestCase("MatMulBnb4")]
    public void Block_quantized_weights_cost_the_float_matmul_and_count_their_logical_weights(string opType)
    {
        const long K = 64, N = 32;
        var builder = new EfficiencyMisnomer.ModelBuilder.ModelBuilder("q", opset: 21).Opset("com.microsoft", 1);
        var a = builder.Input("a", EfficiencyMisnomer.Tensors.ElementType.Float16, 2, 3, K);
        var inputs = opType switch
        {
            "MatMulBlockQuantizedFp8Weight" => new[] { a, builder.Initializer("b", EfficiencyMisnomer.Tensors.ElementType.Float8E4M3FN, new[] { N, K }), builder.Weight("b_scale", N, 1) },
            "MatMulBlockQuantizedFp4Weight" => new[]
            {
                a, builder.Initializer("b", EfficiencyMisnomer.Tensors.ElementType.UInt8, new[] { N, K / 2 }),
                builder.Initializer("scale", EfficiencyMisnomer.Tensors.ElementType.UInt8, new[] { N, K / 16 }), builder.Floats("scale_2", Array.Empty<long>(), new[] { 1f }),
            },
            _ => new[] { a, builder.Initializer("b", EfficiencyMisnomer.Tensors.ElementType.UInt8, new[] { N * K / 2 }), builder.Weight("absmax", N * K / 64) },
        };
        var attributes = opType == "MatMulBnb4"
            ? new (string, object)[] { ("K", K), ("N", N), ("block_size", 64L), ("quant_type", 1L) }
            : new (string, object)[] { ("block_size", 16L) };
        builder.NodeIn("com.microsoft", opType, inputs, new[] { "y" }, attributes);
        builder.Output("y", EfficiencyMisnomer.Tensors.ElementType.Float16);

        var report = StaticAnalyzer.Analyze(builder.Load());

        Assert.Multiple(() =>
        {
            Assert.That(builder.Infer().Shape("y"), Is.EqualTo("[2x3x32]"));
            Assert.That(report.Count("macs"), Is.EqualTo(6 * K * N));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * 6 * K * N) + (2 * K * N)), "the products and the dequantized weights");
            Assert.That(report.Count("params"), Is.EqualTo(K * N), "the logical weights; scales are calibration constants");
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }
}
