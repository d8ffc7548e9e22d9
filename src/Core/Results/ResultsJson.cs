using System.Text.Json;
using System.Text.Json.Serialization;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Results;

/// <summary>
/// Reads and writes <see cref="EfficiencyResults"/> as JSON with snake_case member names (a public interface,
/// see docs/results.md). Writes are atomic: a temporary file beside the target, then a rename, so a reader
/// never sees half a document. Non-finite numbers are written as null (JSON has no infinity).
/// </summary>
public static class ResultsJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new FiniteOrNullConverter() },
    };

    public static string Write(EfficiencyResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var document = new Document(EfficiencyResults.Format, results.Created, results.Machines, results.Specs);
        return JsonSerializer.Serialize(document, Options);
    }

    /// <summary>Writes to <paramref name="path"/> through a temporary file and a rename; a file that cannot be written is <see cref="ErrorCodes.ResultsUnwritable"/>.</summary>
    public static void WriteFile(string path, EfficiencyResults results)
    {
        var text = Write(results);
        var full = System.IO.Path.GetFullPath(path);
        var temporary = full + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EfficiencyException(ErrorCodes.ResultsUnwritable, $"{path}: cannot write the results file: {e.Message}");
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Reads a results document; a file that is not one is <see cref="ErrorCodes.ResultsUnreadable"/> naming the file.</summary>
    public static EfficiencyResults Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EfficiencyException(ErrorCodes.ResultsUnreadable, $"{path}: cannot read the results file: {e.Message}");
        }

        return Parse(text, path);
    }

    public static EfficiencyResults Parse(string text, string source)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(text, Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"({line + 1},{(e.BytePositionInLine ?? 0) + 1})" : "";
            throw new EfficiencyException(ErrorCodes.ResultsUnreadable, $"{source}{where}: not a results document: {FirstSentence(e.Message)}");
        }

        if (document is null || document.Format is null || !document.Format.StartsWith("efficiency-misnomer/results@", StringComparison.Ordinal))
        {
            throw new EfficiencyException(ErrorCodes.ResultsUnreadable, $"{source}: not a results document (its 'format' is not {EfficiencyResults.Format})");
        }

        if (document.Format != EfficiencyResults.Format)
        {
            throw new EfficiencyException(ErrorCodes.ResultsUnreadable, $"{source}: results format '{document.Format}' is not supported; this version reads {EfficiencyResults.Format}");
        }

        return Complete(new EfficiencyResults(document.Created, document.Machines ?? Array.Empty<MachineResults>(), document.Specs ?? Array.Empty<SpecResults>()));
    }

    /// <summary>
    /// The document with every member a hand-written file left out present and empty (JSON readers leave a
    /// missing member null), so that a report of a sparse document shows blanks instead of failing.
    /// </summary>
    private static EfficiencyResults Complete(EfficiencyResults document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document with
        {
            Machines = (document.Machines ?? Array.Empty<MachineResults>())
                .Select(m => m with { Id = m.Id ?? "", Summary = m.Summary ?? "", Facts = m.Facts ?? new Dictionary<string, string>() })
                .ToList(),
            Specs = (document.Specs ?? Array.Empty<SpecResults>()).Select(s => s with
            {
                Name = s.Name ?? "",
                Path = s.Path ?? "",
                Disagreement = s.Disagreement ?? "",
                Models = (s.Models ?? Array.Empty<ModelResults>()).Select(Complete).ToList(),
            }).ToList(),
        };
    }

    private static ModelResults Complete(ModelResults model) => model with
    {
        Name = model.Name ?? "",
        Path = model.Path ?? "",
        Quality = model.Quality ?? new Dictionary<string, double>(),
        Static = (model.Static ?? Array.Empty<IndicatorResult>()).Select(Complete).ToList(),
        Runtime = (model.Runtime ?? Array.Empty<RuntimeResults>()).Select(r => r with
        {
            Machine = r.Machine ?? "",
            Profile = r.Profile ?? "",
            Provider = r.Provider ?? "",
            Settings = r.Settings ?? new Dictionary<string, string>(),
            Indicators = (r.Indicators ?? Array.Empty<IndicatorResult>()).Select(Complete).ToList(),
            LatencySamples = r.LatencySamples ?? Array.Empty<double>(),
            Warnings = r.Warnings ?? Array.Empty<string>(),
        }).ToList(),
        Verdicts = (model.Verdicts ?? Array.Empty<VerdictResult>())
            .Select(v => v with { Kind = v.Kind ?? "", Indicator = v.Indicator ?? "", Status = v.Status ?? "", Message = v.Message ?? "" })
            .ToList(),
    };

    private static IndicatorResult Complete(IndicatorResult indicator) => indicator with { Name = indicator.Name ?? "", Unit = indicator.Unit ?? "" };


    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }

    private sealed record Document(
        string? Format,
        DateTimeOffset Created,
        IReadOnlyList<MachineResults>? Machines,
        IReadOnlyList<SpecResults>? Specs);

    /// <summary>Writes NaN and infinities as null; reads null as null.</summary>
    private sealed class FiniteOrNullConverter : JsonConverter<double?>
    {
        public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options)
        {
            if (value is { } v && double.IsFinite(v))
            {
                writer.WriteNumberValue(v);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
