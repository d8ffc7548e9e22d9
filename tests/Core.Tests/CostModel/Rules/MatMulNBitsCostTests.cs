using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>MatMulNBits against ONNX Runtime's contrib operator documentation: A (…, K), B [N, ⌈K/block⌉, block·bits/8] uint8.</summary>
public sealed class MatMulNBitsCostTests
{
    private const string Contrib = "com.microsoft";

    [TestCase(4L, 32L)]
    [TestCase(8L, 16L)]
    public void Macs_and_params_are_those_of_the_float_product_at_any_bit_width(long bits, long blockSize)
    {
        const long M = 5, K = 96, N = 24;
        var blocks = K / blockSize;
        var builder = new Builder().Opset(Contrib, 1);
        var a = builder.Input("a", ElementType.Float, 2, M, K);
        var weight = builder.Initializer("b", ElementType.UInt8, new[] { N, blocks, blockSize * bits / 8 });
        var scales = builder.Weight("scales", N * blocks);
        var zeros = builder.Initializer("zero_points", ElementType.UInt8, new[] { N * (((blocks * bits) + 7) / 8) });
        var y = builder.Declare(builder.NodeIn(Contrib, "MatMulNBits", new[] { a, weight, scales, zeros, "", builder.Weight("bias", N) }, new[] { "y" },
            ("K", K), ("N", N), ("bits", bits), ("block_size", blockSize)), ElementType.Float, 2, M, N);

        var report = builder.Analyze(y);

        // Rows 2·5, each K·N MACs; dequantizing K·N weights is 2 each; the bias 1 per output. Params K·N + bias N.
        var macs = 2 * M * K * N;
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(macs));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * macs) + (2 * K * N) + (2 * M * N)));
            Assert.That(report.Count("params"), Is.EqualTo((K * N) + N));
            Assert.That(report.Count("unknown_ops"), Is.Zero);

            // A and Y in float; B at its bit width, the float scales and bias, the packed zero points.
            var weightBytes = N * blocks * blockSize * bits / 8;
            Assert.That(report.Count("memory_access"), Is.EqualTo((4 * 2 * M * K) + weightBytes + (4 * N * blocks) + (N * (((blocks * bits) + 7) / 8)) + (4 * N) + (4 * 2 * M * N)));
            Assert.That(weightBytes, Is.EqualTo(K * N * bits / 8), "the packed weight holds K·N values of bits each");
        });
    }
}
