using System.Text;
using EfficiencyMisnomer.Baselines;
using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Exporters;
using EfficiencyMisnomer.Fuzz.Tests;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Results;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Fuzz.Harness;

/// <summary>
/// The readers AFL++ drives, one input at a time: each returns, or throws a coded <c>EfficiencyException</c>, and
/// keeps the contract of <see cref="Invariants"/>; anything else escapes as an exception, which AFL++ saves as a crash.
/// Findings already listed in <see cref="KnownFindings"/> are not crashes, so that the run hunts for new ones.
/// </summary>
internal static class FuzzTargets
{
    public static readonly IReadOnlyDictionary<string, Action<byte[]>> All = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["onnx"] = Onnx,
        ["spec"] = Spec,
        ["results"] = Results,
        ["baseline"] = Baseline,
    };

    /// <summary>Where a model's relative external data and a spec's relative model paths point: a folder of its own.</summary>
    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "misnomer-fuzz-harness");

    /// <summary>Runs <paramref name="target"/> on <paramref name="input"/>; a broken contract throws, unless it is a known finding.</summary>
    public static void Run(Action<byte[]> target, byte[] input)
    {
        ArgumentNullException.ThrowIfNull(target);
        try
        {
            target(input);
        }
        catch (Exception e) when (KnownFindings.Match(Invariants.Describe(e)) is not null)
        {
            // Reported already (docs/fuzzing.md); not a new crash.
        }
    }

    private static void Onnx(byte[] input) => Invariants.Coded(() =>
    {
        var model = OnnxModel.Load(input, Path.Combine(Folder, "fuzz.onnx"));
        Invariants.Diagnostics(model.Warnings);
        var report = StaticAnalyzer.Analyze(model, new AnalysisOptions { ComputeSparsity = input.Length % 2 == 0 });
        Invariants.Diagnostics(report.Diagnostics);
        Invariants.PrintedText(StaticReportText.Table(report, perNode: true), "the static report's table");
        Invariants.PrintedText(StaticReportJson.Write(report, perNode: true), "the static report's JSON");
    });

    private static void Spec(byte[] input)
    {
        var loaded = SpecLoader.Parse(Encoding.UTF8.GetString(input), Path.Combine(Folder, "spec.yaml"));
        Invariants.Diagnostics(loaded.Diagnostics);
        if (loaded.Spec is null && !loaded.Diagnostics.Any(d => d.Severity == Diagnostics.DiagnosticSeverity.Error))
        {
            throw new InvariantBroken("a spec was refused without an error diagnostic");
        }
    }

    private static void Results(byte[] input) => Invariants.Coded(() =>
    {
        var results = ResultsJson.Parse(Encoding.UTF8.GetString(input), "fuzz.json");
        var report = ResultsReport.Build(ResultsMerger.Merge(new[] { results, results }));
        Invariants.PrintedText(ResultsMarkdown.Render(report), "the Markdown report");
        _ = ResultsBmf.Write(results);
        _ = ResultsJson.Parse(ResultsJson.Write(results), "written.json");
    });

    private static void Baseline(byte[] input) => Invariants.Coded(() =>
    {
        var baseline = BaselineJson.Parse(Encoding.UTF8.GetString(input), "fuzz.json");
        _ = BaselineJson.Parse(BaselineJson.Write(BaselineMerge.Merge(baseline, baseline)), "written.json");
    });
}
