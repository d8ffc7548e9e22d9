using System.Text.Json;
using EfficiencyMisnomer.CostModel;

namespace EfficiencyMisnomer.Tests.RealExports;

/// <summary>
/// torch's nn.LSTM and nn.GRU exported to ONNX (one node per layer): the analysis must give
/// T · gates · H · (I + H) · directions · batch summed over layers, exactly, with every node understood.
/// The models are produced by scripts/export-rnn.py; without them every case is skipped.
/// </summary>
[Category("RealExports")]
public sealed class RecurrentExportTests
{
    private const string ExportsMissing =
        "recurrent exports not found: run scripts/export-rnn.sh (needs Debian python3-torch and python3-onnx)";

    [TestCase("lstm")]
    [TestCase("gru")]
    public void Macs_match_the_gate_formula(string model)
    {
        var export = Find(model);

        var report = StaticAnalyzer.Analyze(Path.Combine(Folder, export.GetProperty("file").GetString()!));

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(Formula(export)), $"macs; unknown ops [{string.Join(", ", report.Coverage.UnknownOps)}]");
            Assert.That(report.Count("params"), Is.EqualTo(export.GetProperty("float_param_elements").GetInt64()));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
            Assert.That(report.Coverage.UninferredNodes, Is.Empty);
        });
    }

    private static string Folder => Path.Combine(RepositoryRoot.Path, ".models", "rnn");

    /// <summary>Sum over layers of T · gates · H · (I + H) · directions · batch; layers after the first read directions · H.</summary>
    private static long Formula(JsonElement export)
    {
        long Get(string name) => export.GetProperty(name).GetInt64();
        var (gates, hidden, directions) = (Get("gates"), Get("hidden_size"), Get("directions"));
        var perStep = Get("sequence_length") * Get("batch") * directions * gates * hidden;
        long macs = 0, features = Get("input_size");
        for (long layer = 0; layer < Get("layers"); layer++)
        {
            macs += perStep * (features + hidden);
            features = directions * hidden;
        }

        return macs;
    }

    private static JsonElement Find(string model)
    {
        var manifestPath = Path.Combine(Folder, "manifest.json");
        if (!File.Exists(manifestPath))
        {
            Assert.Ignore(ExportsMissing);
        }

        using var manifest = JsonDocument.Parse(File.ReadAllText(manifestPath));
        if (!manifest.RootElement.GetProperty("models").TryGetProperty(model, out var entry))
        {
            Assert.Ignore($"{model} is not in {manifestPath}: run scripts/export-rnn.sh");
        }

        if (entry.GetProperty("status").GetString() != "ok")
        {
            var error = entry.TryGetProperty("error", out var e) ? e.GetString() : "no error recorded";
            Assert.Fail($"{model} failed to export: {error}");
        }

        if (!File.Exists(Path.Combine(Folder, entry.GetProperty("file").GetString()!)))
        {
            Assert.Ignore($"{model}'s file is missing: run scripts/export-rnn.sh");
        }

        return entry.Clone();
    }
}
