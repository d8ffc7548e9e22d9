using System.Text.Json;
using System.Text.Json.Nodes;

namespace EfficiencyMisnomer.Runtime.Reports;

/// <summary>
/// Writes runtime reports as JSON (System.Text.Json), every number with its unit. Lives beside the report
/// in Runtime, not in Core: Core never references ONNX Runtime types such as the session settings.
/// </summary>
public static class RuntimeReportJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(IEnumerable<RuntimeReport> reports) =>
        new JsonArray(reports.Select(Node).ToArray<JsonNode?>()).ToJsonString(Indented);

    /// <summary>Writes to a temporary file then renames it, so a reader never sees half a report.</summary>
    public static void WriteFile(string path, IEnumerable<RuntimeReport> reports)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Write(reports));
        File.Move(temporary, path, overwrite: true);
    }

    public static JsonObject Node(RuntimeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new JsonObject
        {
            ["model"] = report.Model,
            ["model_path"] = report.ModelPath,
            ["profile"] = report.Profile,
            ["batch"] = report.Batch,
            ["provider"] = report.Provider.Provider,
            ["provider_reason"] = report.Provider.Reason,
            ["intra_op_threads"] = report.Settings.IntraOpThreads,
            ["inter_op_threads"] = report.Settings.InterOpThreads,
            ["execution_mode"] = report.Settings.ExecutionName,
            ["graph_optimization"] = report.Settings.OptimizationName,
            ["warmup_runs"] = report.WarmupRuns,
            ["elapsed_s"] = report.Elapsed.TotalSeconds,
            ["confidence"] = report.Confidence,
            ["target_relative_half_width"] = report.TargetRelativeHalfWidth,
            ["indicators"] = new JsonArray(report.Indicators.Select(Indicator).ToArray<JsonNode?>()),
            ["warnings"] = new JsonArray(report.Warnings.Select(w => (JsonNode?)JsonValue.Create(w.ToString())).ToArray()),
        };
    }

    private static JsonObject Indicator(MeasuredIndicator indicator) => new()
    {
        ["name"] = indicator.Name,
        ["unit"] = indicator.Indicator.Unit,
        ["value"] = Finite(indicator.Value),
        ["ci_lower"] = Finite(indicator.Lower),
        ["ci_upper"] = Finite(indicator.Upper),
        ["samples"] = indicator.Samples,
        ["stable"] = indicator.Stable,
        ["note"] = indicator.Note,
    };

    /// <summary>JSON has no infinity: an unbounded interval side (throughput when the mean's lower bound is 0) is null.</summary>
    internal static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
