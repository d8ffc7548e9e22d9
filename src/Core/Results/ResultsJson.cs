using System.Text.Json;
using System.Text.Json.Serialization;
using System.Globalization;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Files;

namespace EfficiencyMisnomer.Results;

/// <summary>
/// Reads and writes <see cref="EfficiencyResults"/> as JSON with snake_case member names (a public interface,
/// see docs/results.md). Files are read and written through <see cref="InputFile"/> and <see cref="OutputFile"/>:
/// a regular file of at most 256 MiB is read; a write replaces the target atomically, never through a link or device.
/// Non-finite numbers are written as null (JSON has no infinity); a number a reader cannot hold (<c>1e400</c>) or a
/// null where an entry belongs is refused (<see cref="ErrorCodes.ResultsUnreadable"/>), never read as infinity or skipped.
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
        Converters = { new FiniteOrNullConverter(), new FiniteConverter() },
    };

    public static string Write(EfficiencyResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var document = new Document(EfficiencyResults.Format, results.Created, results.Machines, results.Specs, results.Commit);
        return JsonSerializer.Serialize(document, Options);
    }

    /// <summary>Writes to <paramref name="path"/> atomically; a file that cannot be written is <see cref="ErrorCodes.ResultsUnwritable"/>.</summary>
    public static void WriteFile(string path, EfficiencyResults results)
    {
        var text = Write(results);
        OutputFile.WriteAllText(path, FileRole.Results, text);
    }

    /// <summary>Reads a results document; a file that is not one is <see cref="ErrorCodes.ResultsUnreadable"/> naming the file.</summary>
    public static EfficiencyResults Read(string path)
    {
        var bytes = InputFile.ReadAllBytes(path, FileRole.Results);
        return Parse(() => JsonSerializer.Deserialize<Document>(bytes, Options), path);
    }

    /// <summary>Reads a results document held in memory; <paramref name="source"/> names it in messages.</summary>
    public static EfficiencyResults Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(() => JsonSerializer.Deserialize<Document>(text, Options), source);
    }

    private static EfficiencyResults Parse(Func<Document?> deserialize, string source)
    {
        Document? document;
        var name = UserText.Quote(source);
        try
        {
            document = deserialize();
        }
        catch (JsonException e)
        {
            throw new EfficiencyException(ErrorCodes.ResultsUnreadable, $"{name}{JsonProblem.Position(e)}: not a results document: {JsonProblem.Reason(e)}");
        }

        if (document is null || document.Format is null || !document.Format.StartsWith("efficiency-misnomer/results@", StringComparison.Ordinal))
        {
            throw new EfficiencyException(ErrorCodes.ResultsUnreadable, $"{name}: not a results document (its 'format' is not {EfficiencyResults.Format})");
        }

        if (document.Format != EfficiencyResults.Format)
        {
            throw new EfficiencyException(ErrorCodes.ResultsUnreadable, $"{name}: results format '{UserText.Quote(document.Format)}' is not supported; this version reads {EfficiencyResults.Format}");
        }

        try
        {
            return Complete(new EfficiencyResults(document.Created, document.Machines ?? Array.Empty<MachineResults>(), document.Specs ?? Array.Empty<SpecResults>())
            {
                Commit = document.Commit,
            });
        }
        catch (MissingEntryException e)
        {
            throw new EfficiencyException(ErrorCodes.ResultsUnreadable, $"{name}: not a results document: '{e.Message}' is null where an entry belongs");
        }
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
            Machines = Entries(document.Machines, "machines")
                .Select(m => m with { Id = m.Id ?? "", Summary = m.Summary ?? "", Facts = m.Facts ?? new Dictionary<string, string>() })
                .ToList(),
            Specs = Entries(document.Specs, "specs").Select((s, i) => s with
            {
                Name = s.Name ?? "",
                Path = s.Path ?? "",
                Disagreement = s.Disagreement ?? "",
                Models = Entries(s.Models, $"specs[{i}].models").Select((m, j) => Complete(m, $"specs[{i}].models[{j}]")).ToList(),
                Revisions = s.Revisions is { } r ? r with { Against = r.Against ?? "", Source = r.Source ?? "" } : null,
                Benchmarks = Entries(s.Benchmarks, $"specs[{i}].benchmarks").Select((b, j) => Complete(b, $"specs[{i}].benchmarks[{j}]")).ToList(),
            }).ToList(),
        };
    }

    private static ModelResults Complete(ModelResults model, string where) => model with
    {
        Name = model.Name ?? "",
        Path = model.Path ?? "",
        Quality = model.Quality ?? new Dictionary<string, double>(),
        Static = Entries(model.Static, where + ".static").Select(Complete).ToList(),
        Runtime = Entries(model.Runtime, where + ".runtime").Select((r, k) => Complete(r, $"{where}.runtime[{k}]")).ToList(),
        Verdicts = Entries(model.Verdicts, where + ".verdicts").Select(Complete).ToList(),
        Base = Complete(model.Base, where + ".base"),
    };

    private static BenchmarkResults Complete(BenchmarkResults benchmark, string where) => benchmark with
    {
        Entry = benchmark.Entry ?? "",
        Case = benchmark.Case ?? "",
        File = benchmark.File ?? "",
        Host = benchmark.Host ?? new Dictionary<string, string>(),
        Indicators = Entries(benchmark.Indicators, where + ".indicators").Select(Complete).ToList(),
        Samples = benchmark.Samples ?? Array.Empty<double>(),
        Verdicts = Entries(benchmark.Verdicts, where + ".verdicts").Select(Complete).ToList(),
        // Launch sizes that cannot be the samples' (none, zero, more than there are) read as unknown: one launch, which
        // decides no comparison, rather than a split that could.
        Launches = benchmark.Launches is { } launches && launches.All(l => l > 0) && launches.Sum(l => (long)l) <= (benchmark.Samples?.Count ?? 0)
            ? launches : Array.Empty<int>(),
    };

    /// <summary>A model's base (present when the run compared against a revision), its lists present and empty when left out.</summary>
    private static BaseResults? Complete(BaseResults? counterpart, string where) => counterpart is null ? null : counterpart with
    {
        Status = counterpart.Status ?? "",
        Path = counterpart.Path ?? "",
        Static = Entries(counterpart.Static, where + ".static").Select(Complete).ToList(),
        Runtime = Entries(counterpart.Runtime, where + ".runtime").Select((r, k) => Complete(r, $"{where}.runtime[{k}]")).ToList(),
    };

    private static RuntimeResults Complete(RuntimeResults r, string where) => r with
    {
        Machine = r.Machine ?? "",
        Profile = r.Profile ?? "",
        Provider = r.Provider ?? "",
        Settings = r.Settings ?? new Dictionary<string, string>(),
        Indicators = Entries(r.Indicators, where + ".indicators").Select(Complete).ToList(),
        LatencySamples = r.LatencySamples ?? Array.Empty<double>(),
        Warnings = (r.Warnings ?? Array.Empty<string>()).Select(w => w ?? "").ToList(),
    };

    private static VerdictResult Complete(VerdictResult verdict) =>
        verdict with { Kind = verdict.Kind ?? "", Indicator = verdict.Indicator ?? "", Status = verdict.Status ?? "", Message = verdict.Message ?? "" };

    private static IndicatorResult Complete(IndicatorResult indicator) => indicator with { Name = indicator.Name ?? "", Unit = indicator.Unit ?? "" };

    /// <summary>The entries of a list a hand-written file may leave out (empty then); a null entry in it is refused.</summary>
    private static IEnumerable<T> Entries<T>(IReadOnlyList<T>? entries, string where)
        where T : class
    {
        entries ??= Array.Empty<T>();
        for (var i = 0; i < entries.Count; i++)
        {
            yield return entries[i] ?? throw new MissingEntryException(string.Create(CultureInfo.InvariantCulture, $"{where}[{i}]"));
        }
    }

    private sealed record Document(
        string? Format,
        DateTimeOffset Created,
        IReadOnlyList<MachineResults>? Machines,
        IReadOnlyList<SpecResults>? Specs,
        string? Commit = null);

    /// <summary>A null where a list's entry belongs, by its path in the document.</summary>
    private sealed class MissingEntryException(string where) : Exception(where);
}
