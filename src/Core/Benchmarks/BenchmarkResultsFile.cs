using System.Globalization;
using System.Text.Json;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Files;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Benchmarks;

/// <summary>
/// Reads BenchmarkDotNet's full JSON results (<c>--exporters fulljson</c>, <c>JsonExporter.Full</c>): a regular file of
/// at most 64 MiB, through <see cref="InputFile"/>. Anything else (not JSON, not that exporter's shape, a number where
/// none belongs) is <see cref="ErrorCodes.BenchmarkResultsUnreadable"/> naming the file and the member, never a crash.
/// A statistic BenchmarkDotNet could not compute is written by it as an empty string (or, by old versions, NaN as a
/// string); it reads as unknown.
/// </summary>
public static class BenchmarkResultsFile
{
    private const string NotResults = "{0}: not a BenchmarkDotNet full JSON results file: {1}";
    private const string Workload = "Workload";
    private const string Actual = "Actual";
    private const string Result = "Result";

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32 };

    /// <summary>The file name BenchmarkDotNet's full JSON exporter gives its results: <c>TYPE-report-full.json</c>.</summary>
    public const string FullJsonPattern = "*-report-full.json";

    /// <summary>
    /// The results files <paramref name="resolved"/> names, in ordinal order: a folder's <see cref="FullJsonPattern"/>
    /// files, the files a pattern in the last name matches (<c>*</c>, <c>?</c>), or the file itself; empty when none.
    /// </summary>
    public static IReadOnlyList<string> Find(string resolved)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        if (Directory.Exists(resolved))
        {
            return Matching(resolved, FullJsonPattern);
        }

        var name = System.IO.Path.GetFileName(resolved);
        if (name.AsSpan().IndexOfAny('*', '?') >= 0)
        {
            var folder = System.IO.Path.GetDirectoryName(resolved) is { Length: > 0 } parent ? parent : ".";
            return Directory.Exists(folder) ? Matching(folder, name) : Array.Empty<string>();
        }

        // Anything at the path is returned, so that a folder-like special file is refused by the reader, never skipped.
        return InputFile.KindOf(resolved, FileRole.BenchmarkResults) is not FileKind.Missing ? new[] { resolved } : Array.Empty<string>();
    }

    /// <summary>
    /// A file pattern (<c>*</c>, <c>?</c> in the last name) matching every file <see cref="Find"/> would return for
    /// <paramref name="resolved"/>, now or once a run writes them, so that a build can list the results as inputs before
    /// they exist: a folder's (or a path that is not a file yet) <see cref="FullJsonPattern"/>, a pattern as it is, and a
    /// single file through a <c>?</c> in place of its last character (a pattern matching no file is no input; the file
    /// itself, missing, would be an input that is never up to date).
    /// </summary>
    public static string WatchPattern(string resolved)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        var name = System.IO.Path.GetFileName(resolved);
        if (name.AsSpan().IndexOfAny('*', '?') >= 0)
        {
            return resolved;
        }

        return Directory.Exists(resolved) || name.Length == 0 || !name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? System.IO.Path.Combine(resolved, FullJsonPattern)
            : resolved[..^1] + "?";
    }

    private static string[] Matching(string folder, string pattern) =>
        Directory.EnumerateFiles(folder, pattern, new EnumerationOptions { MatchType = MatchType.Simple, MatchCasing = MatchCasing.CaseSensitive, IgnoreInaccessible = true })
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static BenchmarkRun Read(string path)
    {
        var bytes = InputFile.ReadAllBytes(path, FileRole.BenchmarkResults);
        return Parse(bytes, path);
    }

    /// <summary>Reads results held in memory; <paramref name="source"/> names them in messages.</summary>
    public static BenchmarkRun Parse(ReadOnlyMemory<byte> json, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw Refused(source + JsonProblem.Position(e), JsonProblem.Reason(e));
        }

        using (document)
        {
            var root = document.RootElement;
            var benchmarks = Member(root, "Benchmarks", JsonValueKind.Array, source, "");
            if (benchmarks is null)
            {
                throw Refused(source, "it has no 'Benchmarks' list (write it with BenchmarkDotNet's JsonExporter.Full or '--exporters fulljson')");
            }

            var host = Member(root, "HostEnvironmentInfo", JsonValueKind.Object, source, "");
            var cases = benchmarks.Value.EnumerateArray().Select((element, i) => Case(element, source, $"Benchmarks[{i}]")).ToList();
            return new BenchmarkRun(source, Host(host, source), cases);
        }
    }

    private static BenchmarkHost Host(JsonElement? host, string source) => new(
        Text(host, "ProcessorName", source, "HostEnvironmentInfo"),
        Whole(host, "PhysicalCoreCount", source, "HostEnvironmentInfo"),
        Whole(host, "LogicalCoreCount", source, "HostEnvironmentInfo"),
        Text(host, "OsVersion", source, "HostEnvironmentInfo"),
        Text(host, "Architecture", source, "HostEnvironmentInfo"),
        Text(host, "RuntimeVersion", source, "HostEnvironmentInfo"),
        Text(host, "BenchmarkDotNetVersion", source, "HostEnvironmentInfo"));

    private static BenchmarkCase Case(JsonElement element, string source, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Refused(source, $"'{where}' is not an object");
        }

        var name = Text(element, "FullName", source, where);
        if (name.Length == 0)
        {
            throw Refused(source, $"'{where}.FullName' is missing or empty: every case needs its name");
        }

        var (samples, launches) = Samples(element, source, where);
        return new BenchmarkCase(name, Statistics(element, source, where), Memory(element, source, where), samples) { Launches = launches };
    }

    private static BenchmarkStatistics? Statistics(JsonElement element, string source, string where)
    {
        var at = where + ".Statistics";
        if (Member(element, "Statistics", JsonValueKind.Object, source, where) is not { } statistics
            || Number(statistics, "Mean", source, at) is not { } mean || Number(statistics, "Median", source, at) is not { } median)
        {
            return null;
        }

        var percentiles = Member(statistics, "Percentiles", JsonValueKind.Object, source, at);
        return new BenchmarkStatistics(Whole(statistics, "N", source, at) ?? 0, mean, median, Number(statistics, "StandardDeviation", source, at),
            percentiles is { } p ? Number(p, "P95", source, at + ".Percentiles") : null);
    }

    private static BenchmarkMemory? Memory(JsonElement element, string source, string where)
    {
        var at = where + ".Memory";
        if (Member(element, "Memory", JsonValueKind.Object, source, where) is not { } memory
            || Count(memory, "TotalOperations", source, at) is not (> 0 and var operations)
            || Count(memory, "BytesAllocatedPerOperation", source, at) is not { } bytes)
        {
            // BenchmarkDotNet writes zero operations when no memory diagnoser ran.
            return null;
        }

        return new BenchmarkMemory(Count(memory, "Gen0Collections", source, at) ?? 0, Count(memory, "Gen1Collections", source, at) ?? 0,
            Count(memory, "Gen2Collections", source, at) ?? 0, operations, bytes);
    }

    /// <summary>
    /// The per-operation times of the measured iterations: BenchmarkDotNet's <c>Workload/Result</c> measurements (each
    /// iteration with the empty method's overhead subtracted, what its statistics are computed on), or, where a result is
    /// not positive (a method indistinguishable from the empty one) or the results have none, the <c>Workload/Actual</c>
    /// ones, overhead included. An actual time that is not positive is refused: no clock measures one.
    /// </summary>
    private static (List<double> Samples, List<int> Launches) Samples(JsonElement element, string source, string where)
    {
        var actual = new List<double>();
        var result = new List<double>();
        var actualLaunches = new List<int>();
        var resultLaunches = new List<int>();
        if (Member(element, "Measurements", JsonValueKind.Array, source, where) is not { } measurements)
        {
            return (actual, actualLaunches);
        }

        var i = 0;
        foreach (var measurement in measurements.EnumerateArray())
        {
            var at = $"{where}.Measurements[{i++}]";
            if (measurement.ValueKind != JsonValueKind.Object)
            {
                throw Refused(source, $"'{at}' is not an object");
            }

            var stage = Text(measurement, "IterationStage", source, at);
            if (Text(measurement, "IterationMode", source, at) != Workload || stage is not (Actual or Result)
                || Count(measurement, "Operations", source, at) is not (> 0 and var operations) || Number(measurement, "Nanoseconds", source, at) is not { } nanoseconds)
            {
                continue;
            }

            if (stage == Actual && !(nanoseconds > 0))
            {
                throw Refused(source, $"'{at}.Nanoseconds' is {nanoseconds.ToString("R", CultureInfo.InvariantCulture)}: a measured iteration takes a positive time");
            }

            (stage == Actual ? actual : result).Add(nanoseconds / operations);
            (stage == Actual ? actualLaunches : resultLaunches).Add(Whole(measurement, "LaunchIndex", source, at) ?? 1);
        }

        return result.Count > 0 && result.TrueForAll(t => t > 0) ? (result, Sizes(resultLaunches)) : (actual, Sizes(actualLaunches));
    }

    /// <summary>How many consecutive samples each launch has, in order: <c>1 1 1 2 2</c> gives <c>3 2</c>.</summary>
    private static List<int> Sizes(List<int> launchOfEachSample)
    {
        var sizes = new List<int>();
        for (int i = 0; i < launchOfEachSample.Count; i++)
        {
            if (i == 0 || launchOfEachSample[i] != launchOfEachSample[i - 1])
            {
                sizes.Add(0);
            }

            sizes[^1]++;
        }

        return sizes;
    }

    /// <summary>The member of the expected kind; null when absent or null; another kind is refused.</summary>
    private static JsonElement? Member(JsonElement? owner, string name, JsonValueKind kind, string source, string where)
    {
        if (owner is not { ValueKind: JsonValueKind.Object } element || !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == kind ? value : throw Refused(source, $"'{Path(where, name)}' is {Describe(value.ValueKind)}, not {Describe(kind)}");
    }

    private static string Text(JsonElement? owner, string name, string source, string where) =>
        Member(owner, name, JsonValueKind.String, source, where)?.GetString() ?? "";

    /// <summary>A finite number; null when absent, null, or written as an empty string or NaN (a statistic not computed).</summary>
    private static double? Number(JsonElement owner, string name, string source, string where)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString() is "" or "NaN" or "Infinity" or "-Infinity")
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            throw Refused(source, $"'{Path(where, name)}' is not a finite number");
        }

        return number;
    }

    private static long? Count(JsonElement owner, string name, string source, string where) =>
        Number(owner, name, source, where) is { } number
            ? number is >= 0 and <= long.MaxValue && Math.Floor(number) == number ? (long)number : throw Refused(source, $"'{Path(where, name)}' is not a whole, non-negative number")
            : null;

    private static int? Whole(JsonElement? owner, string name, string source, string where) =>
        owner is { ValueKind: JsonValueKind.Object } element && Count(element, name, source, where) is { } count ? (int)Math.Min(count, int.MaxValue) : null;

    private static string Path(string where, string name) => where.Length == 0 ? name : where + "." + name;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => kind.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    private static EfficiencyException Refused(string where, string why) =>
        new(ErrorCodes.BenchmarkResultsUnreadable, UserText.Format(NotResults, UserText.Quote(where), why));
}
