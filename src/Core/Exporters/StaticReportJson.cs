using System.Text.Json;
using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Exporters;

/// <summary>
/// The JSON form of a <see cref="StaticReport"/>. Member names are a public interface:
/// <c>indicators</c> maps each indicator name to its number, <c>units</c> to its unit,
/// <c>coverage</c> has <c>nodes</c> and <c>unknown_ops</c>. Indicators computed only on request
/// (<c>sparsity</c>) have no key at all when they were not asked for.
/// Per-node costs are for one run of the node; <c>repeats</c> says how many times it runs per inference
/// (Loop and Scan bodies; 0 in an If branch not costed).
/// </summary>
public static class StaticReportJson
{
    public static string Write(StaticReport report, bool perNode = false)
    {
        using var stream = new MemoryStream();
        Write(report, stream, perNode);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(StaticReport report, Stream stream, bool perNode = false)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("model", report.ModelPath);
        json.WriteString("optimizer", report.Optimizer.Name());

        json.WriteStartObject("inputs");
        foreach (var (name, type) in report.Inputs)
        {
            json.WriteStartObject(name);
            json.WriteString("type", Tensors.ElementTypes.OnnxName(type.ElementType));
            json.WriteStartArray("shape");
            foreach (var dim in type.Shape ?? Tensors.TensorShape.Scalar)
            {
                if (dim.IsKnown)
                {
                    json.WriteNumberValue(dim.Value);
                }
                else
                {
                    json.WriteStringValue(dim.Symbol);
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();

        WriteIndicators(json, report);
        WriteUnits(json, report);

        json.WriteStartObject("coverage");
        json.WriteNumber("nodes", report.Coverage.Nodes);
        WriteStrings(json, "unknown_ops", report.Coverage.UnknownOps);
        WriteStrings(json, "unknown_nodes", report.Coverage.UnknownNodes);
        WriteStrings(json, "uninferred_nodes", report.Coverage.UninferredNodes);
        json.WriteEndObject();

        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in report.Diagnostics)
        {
            WriteDiagnostic(json, diagnostic);
        }

        json.WriteEndArray();

        if (perNode)
        {
            json.WriteStartArray("nodes");
            foreach (var node in report.Nodes)
            {
                json.WriteStartObject();
                json.WriteString("name", node.Name);
                json.WriteString("op", node.OpType);
                json.WriteString("graph", node.Graph);
                json.WriteBoolean("costed", node.Costed);
                json.WriteString("outputs", node.OutputShapes);
                json.WriteNumber("repeats", node.Repeats);
                if (node.Branch is not null)
                {
                    json.WriteString("branch", node.Branch);
                }

                json.WriteNumber("macs", node.Macs);
                json.WriteNumber("flops", node.Flops);
                json.WriteNumber("activations", node.Activations);
                json.WriteNumber("activations_all", node.ActivationsAll);
                json.WriteNumber("memory_access", node.MemoryAccess);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>Writes <c>"indicators": { name: number }</c>: exact integers for counts, ratios to six decimals.</summary>
    internal static void WriteIndicators(Utf8JsonWriter json, StaticReport report)
    {
        json.WriteStartObject("indicators");
        foreach (var indicator in report.Indicators)
        {
            if (indicator.Count is { } count)
            {
                json.WriteNumber(indicator.Name, count);
            }
            else
            {
                json.WriteNumber(indicator.Name, Math.Round(indicator.Value, 6));
            }
        }

        json.WriteEndObject();
    }

    /// <summary>Writes <c>"units": { name: unit }</c>.</summary>
    internal static void WriteUnits(Utf8JsonWriter json, StaticReport report)
    {
        json.WriteStartObject("units");
        foreach (var indicator in report.Indicators)
        {
            json.WriteString(indicator.Name, indicator.Unit);
        }

        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    internal static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        json.WriteStartObject();
        json.WriteString("code", diagnostic.Code);
        json.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
        json.WriteString("message", diagnostic.Message);
        if (diagnostic.Location is { } location)
        {
            json.WriteString("location", location.ToString());
        }

        json.WriteEndObject();
    }
}
