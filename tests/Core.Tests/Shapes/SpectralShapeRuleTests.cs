using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>
/// DFT, STFT and their generators (opset 17 and 20), checked against the shapes the ONNX operator documentation gives:
/// a log-mel front end as audio models export it (a Hann window of 400 points every 160 samples, 80 mel bands).
/// </summary>
public sealed class SpectralShapeRuleTests
{
    [TestCase(1L, false, "[1x10x10x2]", TestName = "DFT of a real signal along axis 1")]
    [TestCase(2L, true, "[1x10x6x2]", TestName = "DFT onesided along axis 2 keeps n/2 + 1 bins")]
    [TestCase(-2L, false, "[1x10x10x2]", TestName = "DFT along axis -2, counted from the back")]
    public void Dft_opset_17_transforms_along_its_axis_attribute(long axis, bool onesided, string expected)
    {
        var b = new Builder(opset: 17);
        var y = b.Op("DFT", new[] { b.Input("x", ElementType.Float, 1, 10, 10, 1) }, ("axis", axis), ("onesided", onesided ? 1L : 0L));

        Assert.That(b.Infer().TypeOf(y)!.ToString(), Is.EqualTo("float" + expected));
    }

    [Test]
    public void Dft_length_zero_pads_or_truncates_the_axis()
    {
        var b = new Builder(opset: 17);
        var padded = b.Op("DFT", new[] { b.Input("x", ElementType.Float, 2, 10, 1), b.Scalar("n", 16) });
        var truncated = b.Op("DFT", new[] { "x", b.Scalar("m", 4) }, ("onesided", 1L));

        var types = b.Infer();
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(padded), Is.EqualTo("[2x16x2]"));
            Assert.That(types.Shape(truncated), Is.EqualTo("[2x3x2]"));
        });
    }

    [Test]
    public void Dft_opset_20_takes_its_axis_as_an_input_and_defaults_to_the_last_signal_dim()
    {
        var b = new Builder(opset: 20);
        var x = b.Input("x", ElementType.Float, 3, 8, 6, 2);
        var byDefault = b.Op("DFT", new[] { x, b.Scalar("n", 12) });
        var first = b.Op("DFT", new[] { x, "", b.Scalar("axis", 0) }, ("inverse", 1L));

        var types = b.Infer();
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(byDefault), Is.EqualTo("[3x8x12x2]"));
            Assert.That(types.Shape(first), Is.EqualTo("[3x8x6x2]"));
        });
    }

    [TestCase(new long[] { 1, 10, 2 }, 1L, 1L, 0L, TestName = "DFT onesided of a complex signal")]
    [TestCase(new long[] { 1, 10, 1 }, 2L, 0L, 0L, TestName = "DFT along the real and imaginary dim")]
    [TestCase(new long[] { 1, 10, 3 }, 1L, 0L, 0L, TestName = "DFT of a signal ending in 3")]
    [TestCase(new long[] { 10 }, 0L, 0L, 0L, TestName = "DFT of a 1-D tensor")]
    [TestCase(new long[] { 1, 10, 1 }, 1L, 1L, 1L, TestName = "DFT onesided and inverse")]
    public void Dft_inputs_that_contradict_the_operator_are_rejected(long[] shape, long axis, long onesided, long inverse)
    {
        var b = new Builder(opset: 17);
        b.Op("DFT", new[] { b.Input("x", ElementType.Float, shape.Cast<object>().ToArray()) }, ("axis", axis), ("onesided", onesided), ("inverse", inverse));

        ShapeTestKit.AssertShapeMismatch(b, "DFT_0");
    }

    [Test]
    public void A_log_mel_front_end_has_frames_of_onesided_bins_and_a_mel_matrix_to_match()
    {
        var b = new Builder(opset: 17);
        var window = b.Op("HannWindow", new[] { b.Scalar("window_size", 400) });
        var spectrum = b.Op("STFT", new[] { b.Input("audio", ElementType.Float, 2, 16000, 1), b.Scalar("hop", 160), window });
        var mel = b.Op("MelWeightMatrix", new[] { b.Scalar("bands", 80), b.Scalar("n_fft", 400), b.Scalar("rate", 16000), b.ScalarFloat("low", 0), b.ScalarFloat("high", 8000) });
        var twoSided = b.Op("STFT", new[] { "audio", "hop", "", b.Scalar("frame", 400) }, ("onesided", 0L));

        var types = b.Infer();
        Assert.Multiple(() =>
        {
            Assert.That(types.TypeOf(window)!.ToString(), Is.EqualTo("float[400]"));
            // (16000 - 400) / 160 + 1 = 98 frames of 400 / 2 + 1 = 201 bins.
            Assert.That(types.Shape(spectrum), Is.EqualTo("[2x98x201x2]"));
            Assert.That(types.TypeOf(mel)!.ToString(), Is.EqualTo("float[201x80]"));
            Assert.That(types.Shape(twoSided), Is.EqualTo("[2x98x400x2]"));
        });
    }

    [Test]
    public void Windows_take_their_output_datatype_and_unknown_sizes_become_run_time_dims()
    {
        var b = new Builder(opset: 17);
        var hamming = b.Op("HammingWindow", new[] { b.Scalar("n", 64) }, ("output_datatype", 11L));
        var blackman = b.Op("BlackmanWindow", new[] { b.Input("size", ElementType.Int64) }, ("periodic", 0L));
        var frames = b.Op("STFT", new[] { b.Input("audio", ElementType.Float, 1, 1000, 1), b.Input("step", ElementType.Int64), b.Op("HannWindow", new[] { b.Scalar("m", 100) }) });

        var types = b.Infer();
        Assert.Multiple(() =>
        {
            Assert.That(types.TypeOf(hamming)!.ToString(), Is.EqualTo("double[64]"));
            Assert.That(types.TypeOf(blackman)!.Shape!.Rank, Is.EqualTo(1));
            Assert.That(types.TypeOf(blackman)!.Shape![0].IsKnown, Is.False);
            Assert.That(types.TypeOf(frames)!.Shape![1].IsKnown, Is.False, "frames need the step's value");
            Assert.That(types.TypeOf(frames)!.Shape![2].Value, Is.EqualTo(51));
        });
    }

    [TestCase(new long[] { 1, 1000, 1 }, 200L, 100L, TestName = "STFT whose window and frame_length differ")]
    [TestCase(new long[] { 1, 50, 1 }, 100L, 100L, TestName = "STFT of frames longer than the signal")]
    [TestCase(new long[] { 1000, 1 }, 100L, 100L, TestName = "STFT of a signal without a batch")]
    public void Stft_inputs_that_contradict_the_operator_are_rejected(long[] signal, long window, long frameLength)
    {
        var b = new Builder(opset: 17);
        b.Op("STFT", new[] { b.Input("audio", ElementType.Float, signal.Cast<object>().ToArray()), b.Scalar("hop", 10), b.Input("w", ElementType.Float, window), b.Scalar("frame", frameLength) });

        ShapeTestKit.AssertShapeMismatch(b, "STFT_0");
    }

    [Test]
    public void Stft_without_a_window_or_a_frame_length_is_rejected()
    {
        var b = new Builder(opset: 17);
        b.Op("STFT", new[] { b.Input("audio", ElementType.Float, 1, 1000, 1), b.Scalar("hop", 10) });

        ShapeTestKit.AssertShapeMismatch(b, "STFT_0");
    }

    [Test]
    public void A_non_positive_length_is_rejected()
    {
        var b = new Builder(opset: 17);
        b.Op("HannWindow", new[] { b.Scalar("n", 0) });

        ShapeTestKit.AssertShapeMismatch(b, "HannWindow_0");
    }
}
