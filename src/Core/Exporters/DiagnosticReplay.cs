using System.Text.Json;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Exporters;

/// <summary>
/// The diagnostics of a gate run, kept so that a later build which skips the gate as up to date can log them again, as
/// the compiler does for its warnings: one JSON array of <c>{ code, severity, message, file, line, column }</c>. A file
/// that does not read back (hand-edited, cut short) replays nothing: the next change runs the gate and rewrites it.
/// </summary>
public static class DiagnosticReplay
{
    /// <summary>The most diagnostics a replay file is read for.</summary>
    public const int MaxDiagnostics = 10_000;

    public static void Write(IEnumerable<Diagnostic> diagnostics, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (var diagnostic in diagnostics.Take(MaxDiagnostics))
        {
            json.WriteStartObject();
            json.WriteString("code", diagnostic.Code);
            json.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
            json.WriteString("message", diagnostic.Message);
            if (diagnostic.Location is { } location)
            {
                json.WriteString("file", location.File);
                json.WriteNumber("line", location.Line);
                json.WriteNumber("column", location.Column);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The diagnostics in <paramref name="text"/>; empty when it is not a replay file.</summary>
    public static IReadOnlyList<Diagnostic> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 4 });
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return Array.Empty<Diagnostic>();
            }

            var read = new List<Diagnostic>();
            foreach (var entry in document.RootElement.EnumerateArray().Take(MaxDiagnostics))
            {
                if (Parse(entry) is { } diagnostic)
                {
                    read.Add(diagnostic);
                }
            }

            return read;
        }
        catch (JsonException)
        {
            return Array.Empty<Diagnostic>();
        }
    }

    private static Diagnostic? Parse(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object
            || String(entry, "code") is not { } code || String(entry, "message") is not { } message
            || !Enum.TryParse<DiagnosticSeverity>(String(entry, "severity"), ignoreCase: true, out var severity) || !Enum.IsDefined(severity))
        {
            return null;
        }

        var location = String(entry, "file") is { } file ? new SourceLocation(file, Number(entry, "line"), Number(entry, "column")) : null;
        return new Diagnostic(code, severity, message, location);
    }

    private static string? String(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Number(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= 0 ? number : 0;
}
