using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>com.microsoft Inverse, Rfft and Irfft against ONNX Runtime's contrib operator documentation.</summary>
public sealed class ContribLinearAlgebraShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Inverse_keeps_the_shape_of_its_batch_of_square_matrices()
    {
        var b = new Builder().Opset(Contrib, 1);
        var y = b.NodeIn(Contrib, "Inverse", new[] { b.Input("x", ElementType.Double, 3, 4, 4) }, new[] { "y" });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[3x4x4]"));
            Assert.That(types.Element(y), Is.EqualTo(ElementType.Double));
        });
    }

    [TestCase(4L)]
    [TestCase(3L, 4L, 5L)]
    public void Inverse_of_a_vector_or_of_non_square_matrices_is_rejected(params long[] dims)
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "Inverse", new[] { b.Input("x", ElementType.Float, dims.Cast<object>().ToArray()) }, new[] { "y" });

        ShapeTestKit.AssertShapeMismatch(b, "Inverse_0");
    }

    [TestCase(1L, 1L, "[2x3x9x2]")]
    [TestCase(2L, 1L, "[2x3x9x2]")]
    [TestCase(1L, 0L, "[2x3x16x2]")]
    public void Rfft_keeps_half_the_last_signal_dim_plus_one_and_appends_real_and_imaginary_parts(long signalDims, long onesided, string expected)
    {
        var b = new Builder().Opset(Contrib, 1);
        var y = b.NodeIn(Contrib, "Rfft", new[] { b.Input("x", ElementType.Float, 2, 3, 16) }, new[] { "y" },
            ("signal_ndim", signalDims), ("onesided", onesided));

        // n = 16 points give 16 / 2 + 1 = 9 complex values, each (real, imaginary).
        Assert.That(b.Infer().Shape(y), Is.EqualTo(expected));
    }

    [Test]
    public void Irfft_gives_2m_minus_1_real_points_for_m_complex_values()
    {
        var b = new Builder().Opset(Contrib, 1);
        var y = b.NodeIn(Contrib, "Irfft", new[] { b.Input("x", ElementType.Float, 2, 3, 9, 2) }, new[] { "y" }, ("signal_ndim", 1L));

        // ONNX Runtime's kernel sizes the real signal 2 · 9 − 1 = 17.
        Assert.That(b.Infer().Shape(y), Is.EqualTo("[2x3x17]"));
    }

    [TestCase("Irfft", new long[] { 2, 9, 2 }, null)]
    [TestCase("Irfft", new long[] { 2, 9, 3 }, 1L)]
    [TestCase("Irfft", new long[] { 9, 2 }, 2L)]
    [TestCase("Rfft", new long[] { 2, 3, 16 }, 4L)]
    [TestCase("Rfft", new long[] { 2, 3, 16 }, 0L)]
    public void Fft_without_signal_ndim_with_too_many_or_without_real_and_imaginary_parts_is_rejected(string opType, long[] dims, long? signalDims)
    {
        var b = new Builder().Opset(Contrib, 1);
        var attributes = signalDims is { } s ? new (string, object)[] { ("signal_ndim", s) } : Array.Empty<(string, object)>();
        b.NodeIn(Contrib, opType, new[] { b.Input("x", ElementType.Float, dims.Cast<object>().ToArray()) }, new[] { "y" }, attributes);

        ShapeTestKit.AssertShapeMismatch(b, $"{opType}_0");
    }
}
