using EfficiencyMisnomer.Tensors;
using EfficiencyMisnomer.Tests.Shapes;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>FusedMatMul, DynamicQuantizeMatMul and MatMulIntegerToFloat against ONNX Runtime's contrib operator documentation.</summary>
public sealed class ContribMatMulCostTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Fused_matmul_multiplies_the_transposed_operands_and_scales_by_alpha()
    {
        // A (2, 4, 8, 5) transposed is (…, 5, 8); B (2, 4, 16, 8) transposed is (…, 8, 16): Q·Kᵀ as the optimizer fuses it.
        var builder = new Builder().Opset(Contrib, 1);
        var a = builder.Input("a", ElementType.Float, 2, 4, 8, 5);
        var b = builder.Input("b", ElementType.Float, 2, 4, 16, 8);
        var y = builder.NodeIn(Contrib, "FusedMatMul", new[] { a, b }, new[] { "y" }, ("transA", 1L), ("transB", 1L), ("alpha", 0.125f));

        var types = builder.Infer();
        var report = builder.Analyze(y);

        const long macs = 2 * 4 * 5 * 8 * 16;
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[2x4x5x16]"));
            Assert.That(report.Count("macs"), Is.EqualTo(macs));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * macs) + (2 * 4 * 5 * 16)));
        });
    }

    [Test]
    public void Dynamic_quantize_matmul_quantizes_a_then_rescales_and_adds_the_bias()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var a = builder.Input("a", ElementType.Float, 3, 32);
        var inputs = new[] { a, builder.Initializer("b", ElementType.Int8, new long[] { 32, 16 }), builder.Weight("b_scale", 16), builder.Initializer("b_zero", ElementType.Int8, new long[] { 16 }), builder.Weight("bias", 16) };
        var y = builder.NodeIn(Contrib, "DynamicQuantizeMatMul", inputs, new[] { "y" });

        var types = builder.Infer();
        var report = builder.Analyze(y);

        // A's 96 elements quantized at 4 each; 48 outputs rescaled and biased.
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[3x16]"));
            Assert.That(types.Element(y), Is.EqualTo(ElementType.Float));
            Assert.That(report.Count("macs"), Is.EqualTo(3 * 32 * 16));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * 3 * 32 * 16) + (4 * 96) + 48 + 48));
            Assert.That(report.Count("params"), Is.EqualTo((32 * 16) + 16), "the int8 weight and the bias; not the scale or zero point");
        });
    }

    [Test]
    public void Matmul_integer_to_float_is_an_integer_product_rescaled()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var a = builder.Input("a", ElementType.UInt8, 3, 32);
        var inputs = new[] { a, builder.Initializer("b", ElementType.Int8, new long[] { 32, 16 }), builder.Input("a_scale", ElementType.Float), builder.Weight("b_scale", 16) };
        var y = builder.NodeIn(Contrib, "MatMulIntegerToFloat", inputs, new[] { "y" });

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(3 * 32 * 16));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * 3 * 32 * 16) + 48));
            Assert.That(report.Count("params"), Is.EqualTo(32 * 16));
        });
    }
}
