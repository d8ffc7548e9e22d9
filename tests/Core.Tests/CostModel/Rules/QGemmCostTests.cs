using EfficiencyMisnomer.Tensors;
using EfficiencyMisnomer.Tests.Shapes;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>QGemm against ONNX Runtime's contrib operator documentation: A, a_scale, a_zero_point, B, b_scale, b_zero_point, C, y_scale, y_zero_point.</summary>
public sealed class QGemmCostTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Quantized_gemm_is_a_gemm_rescaled_with_its_int8_weights_and_int32_bias_as_parameters()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var a = builder.Input("a", ElementType.UInt8, 4, 32);
        var inputs = new[]
        {
            a, builder.Input("a_scale", ElementType.Float), builder.Input("a_zero", ElementType.UInt8),
            builder.Initializer("b", ElementType.Int8, new long[] { 16, 32 }), builder.Floats("b_scale", Array.Empty<long>(), new[] { 0.1f }), builder.Initializer("b_zero", ElementType.Int8, Array.Empty<long>()),
            builder.Initializer("c", ElementType.Int32, new long[] { 16 }),
        };
        var y = builder.NodeIn(Contrib, "QGemm", inputs, new[] { "y" }, ("transB", 1L));

        var types = builder.Infer();
        var report = builder.Analyze(y);

        // B transposed (32, 16): 4·32·16 MACs; per output the bias and the rescale to float.
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[4x16]"));
            Assert.That(types.Element(y), Is.EqualTo(ElementType.Float));
            Assert.That(report.Count("macs"), Is.EqualTo(4 * 32 * 16));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * 4 * 32 * 16) + (2 * 64)));
            Assert.That(report.Count("params"), Is.EqualTo((16 * 32) + 16));
        });
    }
}
