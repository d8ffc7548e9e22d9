using System.Text.Json;
using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Gates;

namespace EfficiencyMisnomer.Exporters;

/// <summary>
/// The JSON form of a <see cref="GateResult"/>: <c>passed</c>, <c>diagnostics</c>, then per spec and per model its
/// <c>indicators</c> and <c>units</c> (as in <see cref="StaticReportJson"/>) and its <c>verdicts</c>, and the
/// <c>input_files</c> read. Member names are a public interface.
/// </summary>
public static class GateResultJson
{
    public static string Write(GateResult result)
    {
        using var stream = new MemoryStream();
        Write(result, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(GateResult result, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteBoolean("passed", result.Passed);
        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in result.Diagnostics)
        {
            StaticReportJson.WriteDiagnostic(json, diagnostic);
        }

        json.WriteEndArray();
        json.WriteStartArray("specs");
        foreach (var spec in result.Models.GroupBy(m => m.SpecPath, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("path", spec.Key);
            json.WriteStartArray("models");
            foreach (var model in spec)
            {
                WriteModel(json, model);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("input_files");
        foreach (var file in result.InputFiles)
        {
            json.WriteStringValue(file);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteModel(Utf8JsonWriter json, ModelVerdicts model)
    {
        json.WriteStartObject();
        json.WriteString("name", model.ModelName);
        json.WriteString("path", model.ModelPath);
        json.WriteBoolean("analysed", model.Report is not null);
        if (model.Report is { } report)
        {
            StaticReportJson.WriteIndicators(json, report);
            StaticReportJson.WriteUnits(json, report);
        }

        json.WriteStartArray("verdicts");
        foreach (var verdict in model.Verdicts)
        {
            json.WriteStartObject();
            json.WriteString("indicator", verdict.Indicator);
            json.WriteString("bound", verdict.Bound == BudgetBound.Max ? "max" : "min");
            json.WriteNumber("limit", verdict.Limit);
            json.WriteNumber("measured", verdict.Measured);
            json.WriteString("status", verdict.Status.ToString().ToLowerInvariant());
            json.WriteString("severity", verdict.Severity.ToString().ToLowerInvariant());
            json.WriteString("location", verdict.Location.ToString());
            json.WriteString("message", verdict.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
