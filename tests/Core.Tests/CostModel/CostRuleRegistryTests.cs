using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel;

public sealed class CostRuleRegistryTests
{
    /// <summary>Operators of torchvision classifiers, BERT/ViT encoders and Paddle exports.</summary>
    private static readonly string[] ExportedOperators =
    {
        "Conv", "ConvTranspose", "Gemm", "MatMul", "Einsum", "BatchNormalization", "LayerNormalization",
        "Relu", "Clip", "Sigmoid", "HardSigmoid", "HardSwish", "Erf", "Tanh", "Gelu", "Softmax", "LogSoftmax",
        "Add", "Sub", "Mul", "Div", "Pow", "Sqrt", "Equal", "Where", "Not", "Neg", "Exp", "Log", "Abs",
        "MaxPool", "AveragePool", "GlobalAveragePool", "ReduceMean", "ReduceSum", "ArgMax", "CumSum",
        "Concat", "Split", "Slice", "Gather", "Transpose", "Expand", "Tile", "Pad", "Cast", "Resize",
        "Reshape", "Flatten", "Squeeze", "Unsqueeze", "Identity", "Dropout", "Shape", "Constant",
        "ConstantOfShape", "Range", "LRN", "TopK", "QuantizeLinear", "DequantizeLinear",
    };

    [TestCaseSource(nameof(ExportedOperators))]
    public void Exported_operator_has_a_cost_rule(string op)
    {
        Assert.That(CostRuleRegistry.Default.Find(string.Empty, op), Is.Not.Null);
    }

    [TestCase("", "LSTM")]
    [TestCase("", "GRU")]
    [TestCase("", "RNN")]
    [TestCase("", "SimplifiedLayerNormalization")]
    [TestCase("", "QLinearConv")]
    [TestCase("", "QLinearMatMul")]
    [TestCase("", "ConvInteger")]
    [TestCase("", "MatMulInteger")]
    [TestCase("", "DynamicQuantizeLinear")]
    [TestCase("", "MaxRoiPool")]
    [TestCase("", "RotaryEmbedding")]
    [TestCase("com.microsoft", "Attention")]
    [TestCase("com.microsoft", "MultiHeadAttention")]
    [TestCase("com.microsoft", "SkipLayerNormalization")]
    [TestCase("com.microsoft", "SkipSimplifiedLayerNormalization")]
    [TestCase("com.microsoft", "EmbedLayerNormalization")]
    [TestCase("com.microsoft", "FastGelu")]
    [TestCase("com.microsoft", "BiasGelu")]
    [TestCase("com.microsoft", "Gelu")]
    [TestCase("com.microsoft", "QuickGelu")]
    [TestCase("com.microsoft", "BiasAdd")]
    [TestCase("com.microsoft", "MatMulNBits")]
    [TestCase("com.microsoft", "GatherBlockQuantized")]
    [TestCase("com.microsoft", "GroupQueryAttention")]
    [TestCase("com.microsoft", "RotaryEmbedding")]
    [TestCase("com.microsoft", "MoE")]
    [TestCase("com.microsoft", "QMoE")]
    [TestCase("com.microsoft", "FusedMatMul")]
    [TestCase("com.microsoft", "DynamicQuantizeMatMul")]
    [TestCase("com.microsoft", "MatMulIntegerToFloat")]
    [TestCase("com.microsoft", "BiasSoftmax")]
    [TestCase("com.microsoft", "BiasDropout")]
    [TestCase("com.microsoft", "GroupNorm")]
    [TestCase("com.microsoft", "SkipGroupNorm")]
    [TestCase("com.microsoft", "DecoderMaskedMultiHeadAttention")]
    [TestCase("com.microsoft", "SparseAttention")]
    [TestCase("com.microsoft", "FusedConv")]
    [TestCase("com.microsoft", "QAttention")]
    [TestCase("com.microsoft", "QGemm")]
    public void Recurrent_quantized_and_fused_operators_have_shape_and_cost_rules(string domain, string op)
    {
        Assert.Multiple(() =>
        {
            Assert.That(CostRuleRegistry.Default.Find(domain, op), Is.Not.Null, "cost rule");
            Assert.That(ShapeRuleRegistry.Default.Find(domain, op), Is.Not.Null, "shape rule");
        });
    }

    [TestCase("If")]
    [TestCase("Loop")]
    [TestCase("Scan")]
    public void Control_flow_operators_have_a_rule_of_their_own(string op)
    {
        Assert.That(CostRuleRegistry.Default.Find(string.Empty, op), Is.Not.Null);
    }

    [Test]
    public void No_two_rules_claim_the_same_operator()
    {
        var claims = EfficiencyMisnomer.Operators.OperatorRuleRegistry<ICostRule>.Discover().SelectMany(r => r.OpTypes.Select(op => (r.Domain, op)));

        Assert.That(claims, Is.Unique);
    }

    [Test]
    public void Unknown_operators_are_counted_and_listed_not_costed()
    {
        var builder = new Builder().Opset("com.microsoft", 1);
        var x = builder.Input("x", ElementType.Float, 4);
        var y = builder.Typed("Relu", new[] { x }, new long[] { 4 });
        var a = builder.Declare(builder.NodeIn("com.microsoft", "Frobnicate", new[] { y }, new[] { "a" }), ElementType.Float, 4);
        var b = builder.Declare(builder.NodeIn("com.microsoft", "Frobnicate", new[] { a }, new[] { "b" }), ElementType.Float, 4);
        var c = builder.Typed("Frobnicate", new[] { b }, new long[] { 4 });

        var report = builder.Analyze(c);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("unknown_ops"), Is.EqualTo(3));
            Assert.That(report.Coverage.UnknownOps, Is.EqualTo(new[] { "Frobnicate", "com.microsoft.Frobnicate" }));
            Assert.That(report.Coverage.UnknownNodes, Has.Count.EqualTo(3));
            Assert.That(report.Count("flops"), Is.EqualTo(4));
            Assert.That(report.Count("activations_all"), Is.EqualTo(4));
            Assert.That(report.Diagnostics.Select(d => d.Code), Does.Contain(EfficiencyMisnomer.Diagnostics.ErrorCodes.UnknownOperator));
        });
    }

    [Test]
    public void Small_classifier_adds_up_every_indicator()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 3, 8, 8);
        var conv = builder.Typed("Conv", new[] { x, builder.Weight("w", 4, 3, 3, 3), builder.Weight("b", 4) }, new long[] { 1, 4, 8, 8 },
            ("pads", new long[] { 1, 1, 1, 1 }));
        var bn = builder.Typed("BatchNormalization",
            new[] { conv, builder.Weight("s", 4), builder.Weight("t", 4), builder.Weight("m", 4), builder.Weight("v", 4) },
            new long[] { 1, 4, 8, 8 });
        var relu = builder.Typed("Relu", new[] { bn }, new long[] { 1, 4, 8, 8 });
        var pooled = builder.Typed("GlobalAveragePool", new[] { relu }, new long[] { 1, 4, 1, 1 });
        var flat = builder.Typed("Flatten", new[] { pooled }, new long[] { 1, 4 });
        var logits = builder.Typed("Gemm", new[] { flat, builder.Weight("fc", 10, 4), builder.Weight("fcb", 10) }, new long[] { 1, 10 },
            ("transB", 1L));

        var report = builder.Analyze(logits);

        const long convMacs = 256 * 27, fcMacs = 40;
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("params"), Is.EqualTo(108 + 4 + 8 + 40 + 10));
            Assert.That(report.Count("macs"), Is.EqualTo(convMacs + fcMacs));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * (convMacs + fcMacs)) + 256 + 10 + 512 + 256 + (256 + 4)));
            Assert.That(report.Count("activations"), Is.EqualTo(256 + 10));
            Assert.That(report.Count("activations_all"), Is.EqualTo(256 * 3 + 4 + 10));
            Assert.That(report.Count("memory_access"), Is.EqualTo(4 * (
                (192 + 108 + 4 + 256) + (256 + 16 + 256) + (256 + 256) + (256 + 4) + (4 + 40 + 10 + 10))));
            Assert.That(report["arithmetic_intensity"].Value,
                Is.EqualTo((double)report.Count("flops") / report.Count("memory_access")).Within(1e-12));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }
}
