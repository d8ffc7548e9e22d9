using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Baselines;

/// <summary>
/// Reads and writes <see cref="Baseline"/> as JSON made to be read in a pull request's diff: keys and entries in a
/// stable order, one indicator per line, each entry's latency samples on one line rounded to four significant
/// digits. The format is described in docs/regression.md. Non-finite numbers are written as null.
/// </summary>
public static class BaselineJson
{
    /// <summary>Significant digits kept of each latency sample: well under the run-to-run noise of any machine.</summary>
    public const int SampleDigits = 4;

    private const string NotJson = "{0}{1}: not a baseline file: {2}; restore it from version control or delete it and record it again with 'misnomer baseline update'";
    private const string Foreign = "{0}: not a baseline file (its 'format' is not {1}); give each spec its own baseline file";
    private const string OtherVersion = "{0}: baseline format '{1}' is not supported; this version reads {2}. Record the baseline again with this version";
    private const string MissingMember = "{0}: not a baseline file: {1} has no '{2}'; restore it from version control or record it again";
    private const string OutOfRange = "{0}: not a baseline file: {1} is {2}; restore it from version control or record it again";

    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        Converters = { new FiniteOrNullConverter(), new FiniteConverter() },
    };

    private static readonly JsonSerializerOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Dictionary<string, int> CatalogueOrder = IndicatorCatalog.StaticNames.Concat(IndicatorCatalog.RuntimeNames).Concat(IndicatorCatalog.BenchmarkNames)
        .Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.Ordinal);

    public static string Write(Baseline baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        using var buffer = new MemoryStream();
        // Quotes in machine summaries are written as \" rather than \u0022: the file is read by people in diffs.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("format", Baseline.Format);
            json.WriteString("spec", baseline.Spec);
            json.WriteStartObject("static");
            foreach (var model in baseline.Static.OrderBy(m => m.Model, StringComparer.Ordinal))
            {
                WriteIndicators(json, model.Model, model.Indicators);
            }

            json.WriteEndObject();
            json.WriteStartArray("profiles");
            foreach (var profile in baseline.Profiles.OrderBy(p => p.Profile, StringComparer.Ordinal).ThenBy(p => p.Fingerprint, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("profile", profile.Profile);
                json.WriteString("fingerprint", profile.Fingerprint);
                json.WriteString("machine", profile.Machine);
                json.WriteString("recorded", Timestamp(profile.Recorded));
                json.WriteStartArray("measurements");
                foreach (var measurement in profile.Measurements.OrderBy(m => m.Model, StringComparer.Ordinal).ThenBy(m => m.Batch))
                {
                    json.WriteStartObject();
                    json.WriteString("model", measurement.Model);
                    json.WriteNumber("batch", measurement.Batch);
                    WriteIndicators(json, "indicators", measurement.Indicators);
                    if (measurement.OtherCpuShare is { } others)
                    {
                        json.WriteNumber("other_cpu_share", Math.Round(others, 4));
                    }

                    if (measurement.Reference is { } reference)
                    {
                        json.WriteStartObject("reference_ms");
                        json.WriteNumber("compute", Math.Round(reference.ComputeMs, 5));
                        json.WriteNumber("memory", Math.Round(reference.MemoryMs, 5));
                        json.WriteEndObject();
                    }

                    if (measurement.Commit is { } commit)
                    {
                        json.WriteString("commit", commit);
                    }

                    json.WritePropertyName("latency_samples_ms");
                    json.WriteRawValue("[" + string.Join(", ", measurement.LatencySamples.Select(Sample)) + "]");
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (baseline.Benchmarks.Count > 0)
            {
                WriteBenchmarks(json, baseline.Benchmarks);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteBenchmarks(Utf8JsonWriter json, IReadOnlyList<BaselineBenchmark> benchmarks)
    {
        json.WriteStartArray("benchmarks");
        foreach (var benchmark in benchmarks.OrderBy(b => b.Entry, StringComparer.Ordinal).ThenBy(b => b.Case, StringComparer.Ordinal).ThenBy(b => b.Host, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("entry", benchmark.Entry);
            json.WriteString("case", benchmark.Case);
            json.WriteString("host", benchmark.Host);
            json.WriteString("machine", benchmark.Machine);
            json.WriteString("recorded", Timestamp(benchmark.Recorded));
            WriteIndicators(json, "indicators", benchmark.Indicators);
            if (benchmark.Launches.Count > 1)
            {
                json.WritePropertyName("launches");
                json.WriteRawValue("[" + string.Join(", ", benchmark.Launches.Select(l => l.ToString(CultureInfo.InvariantCulture))) + "]");
            }

            json.WritePropertyName("samples_ms");
            json.WriteRawValue("[" + string.Join(", ", benchmark.Samples.Select(Sample)) + "]");
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string Timestamp(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Reads a baseline document; anything that is not one is <see cref="ErrorCodes.BaselineUnreadable"/> naming <paramref name="source"/>.</summary>
    public static Baseline Parse(string text, string source)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(text, ReadOptions);
        }
        catch (JsonException e)
        {
            throw Unreadable(NotJson, UserText.Quote(source), JsonProblem.Position(e), JsonProblem.Reason(e));
        }

        source = UserText.Quote(source);

        if (document?.Format is not { } format || !format.StartsWith("efficiency-misnomer/baseline@", StringComparison.Ordinal))
        {
            throw Unreadable(Foreign, source, Baseline.Format);
        }

        if (format != Baseline.Format)
        {
            throw Unreadable(OtherVersion, source, UserText.Quote(format), Baseline.Format);
        }

        var spec = document.Spec ?? throw Unreadable(MissingMember, source, "the document", "spec");
        var models = (document.Static ?? new Dictionary<string, Dictionary<string, IndicatorDocument>>())
            .Select(m => new BaselineModel(m.Key, Indicators(m.Value ?? throw Unreadable(OutOfRange, source, $"static model '{UserText.Quote(m.Key)}'", "null"), source, $"static model '{UserText.Quote(m.Key)}'")))
            .ToList();
        var profiles = (document.Profiles ?? new List<ProfileDocument>())
            .Select(p => Profile(p ?? throw Unreadable(OutOfRange, source, "an entry of 'profiles'", "null"), source)).ToList();
        var benchmarks = (document.Benchmarks ?? new List<BenchmarkDocument>())
            .Select(b => Benchmark(b ?? throw Unreadable(OutOfRange, source, "an entry of 'benchmarks'", "null"), source)).ToList();
        return new Baseline(spec, models, profiles) { Benchmarks = benchmarks };
    }

    private static BaselineBenchmark Benchmark(BenchmarkDocument benchmark, string source)
    {
        var entry = benchmark.Entry ?? throw Unreadable(MissingMember, source, "a benchmark entry", "entry");
        var name = benchmark.Case ?? throw Unreadable(MissingMember, source, $"a case of benchmark '{UserText.Quote(entry)}'", "case");
        var where = $"benchmark '{UserText.Quote(entry)}' case '{UserText.Quote(name)}'";
        var host = benchmark.Host ?? throw Unreadable(MissingMember, source, where, "host");
        var indicators = Indicators(benchmark.Indicators ?? new Dictionary<string, IndicatorDocument>(), source, where);
        var samples = benchmark.SamplesMs ?? new List<double>();
        if (samples.FindIndex(t => !(t > 0 && double.IsFinite(t))) is >= 0 and var bad)
        {
            throw Unreadable(OutOfRange, source, $"sample {bad} of {where}", samples[bad].ToString("R", CultureInfo.InvariantCulture) + ", not a positive time");
        }

        var launches = benchmark.Launches ?? new List<int>();
        if (launches.Exists(l => l <= 0) || launches.Sum(l => (long)l) > samples.Count)
        {
            throw Unreadable(OutOfRange, source, $"the launches of {where}", $"[{string.Join(", ", launches)}], not the sizes of {samples.Count} samples' launches");
        }

        return new BaselineBenchmark(entry, name, host, benchmark.Machine ?? "", benchmark.Recorded ?? DateTimeOffset.MinValue, indicators, samples) { Launches = launches };
    }

    private static BaselineProfile Profile(ProfileDocument profile, string source)
    {
        var name = profile.Profile ?? throw Unreadable(MissingMember, source, "a profile entry", "profile");
        var where = $"profile '{UserText.Quote(name)}'";
        var fingerprint = profile.Fingerprint ?? throw Unreadable(MissingMember, source, where, "fingerprint");
        var measurements = (profile.Measurements ?? new List<MeasurementDocument>()).Select(m =>
        {
            m = m ?? throw Unreadable(OutOfRange, source, $"a measurement of {where}", "null");
            var model = m.Model ?? throw Unreadable(MissingMember, source, $"a measurement of {where}", "model");
            var batch = m.Batch ?? throw Unreadable(MissingMember, source, $"model '{UserText.Quote(model)}' of {where}", "batch");
            if (batch <= 0)
            {
                throw Unreadable(OutOfRange, source, $"the batch of model '{UserText.Quote(model)}' of {where}", batch.ToString(CultureInfo.InvariantCulture));
            }

            var indicators = Indicators(m.Indicators ?? new Dictionary<string, IndicatorDocument>(), source, $"model '{UserText.Quote(model)}' of {where}");
            if (m.OtherCpuShare is { } share && !(share >= 0 && share <= 1))
            {
                throw Unreadable(OutOfRange, source, $"the other_cpu_share of model '{UserText.Quote(model)}' of {where}", share.ToString(CultureInfo.InvariantCulture));
            }

            ReferenceSpeed? reference = null;
            if (m.ReferenceMs is { } times)
            {
                reference = new ReferenceSpeed(times.Compute ?? double.NaN, times.Memory ?? double.NaN);
                if (!reference.IsValid)
                {
                    throw Unreadable(OutOfRange, source, $"the reference_ms of model '{UserText.Quote(model)}' of {where}",
                        string.Create(CultureInfo.InvariantCulture, $"{{ compute: {times.Compute}, memory: {times.Memory} }}"));
                }
            }

            if (m.Commit is { } commit && !BaselineMeasurement.IsCommitId(commit))
            {
                throw Unreadable(OutOfRange, source, $"the commit of model '{UserText.Quote(model)}' of {where}", $"'{UserText.Quote(commit)}', not a commit id (40 or 64 hexadecimal digits)");
            }

            return new BaselineMeasurement(model, batch, indicators, m.LatencySamplesMs ?? new List<double>())
            {
                OtherCpuShare = m.OtherCpuShare, Reference = reference, Commit = m.Commit,
            };
        }).ToList();
        return new BaselineProfile(name, fingerprint, profile.Machine ?? "", profile.Recorded ?? DateTimeOffset.MinValue, measurements);
    }

    private static List<BaselineIndicator> Indicators(Dictionary<string, IndicatorDocument> indicators, string source, string where) =>
        indicators.Select(i =>
        {
            var what = $"indicator '{UserText.Quote(i.Key)}' of {where}";
            var unit = i.Value?.Unit ?? throw Unreadable(MissingMember, source, what, "unit");
            var samples = i.Value.Samples ?? 1;
            return samples >= 0
                ? new BaselineIndicator(i.Key, unit, i.Value.Value, i.Value.Lower, i.Value.Upper, samples)
                : throw Unreadable(OutOfRange, source, $"the sample count of {what}", samples.ToString(CultureInfo.InvariantCulture));
        }).ToList();

    private static void WriteIndicators(Utf8JsonWriter json, string name, IReadOnlyList<BaselineIndicator> indicators)
    {
        json.WriteStartObject(name);
        foreach (var indicator in indicators.OrderBy(i => CatalogueOrder.GetValueOrDefault(i.Name, int.MaxValue)).ThenBy(i => i.Name, StringComparer.Ordinal))
        {
            // One line per indicator: a changed value is a one-line diff.
            var line = new StringBuilder("{ \"value\": ").Append(Number(indicator.Value));
            if (indicator.Lower is not null || indicator.Upper is not null)
            {
                line.Append(", \"lower\": ").Append(Number(indicator.Lower)).Append(", \"upper\": ").Append(Number(indicator.Upper));
            }

            if (indicator.Samples != 1)
            {
                line.Append(", \"samples\": ").Append(indicator.Samples.ToString(CultureInfo.InvariantCulture));
            }

            line.Append(", \"unit\": ").Append(JsonSerializer.Serialize(indicator.Unit, WriteOptions)).Append(" }");
            json.WritePropertyName(indicator.Name);
            json.WriteRawValue(line.ToString());
        }

        json.WriteEndObject();
    }

    private static string Number(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "null";

    /// <summary>A latency sample rounded to <see cref="SampleDigits"/> significant digits.</summary>
    public static double RoundSample(double milliseconds)
    {
        if (milliseconds == 0 || !double.IsFinite(milliseconds))
        {
            return milliseconds;
        }

        // Scaling by an exact power of ten keeps the result the double nearest to the rounded decimal.
        var digits = SampleDigits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(milliseconds)));
        var scale = Math.Pow(10, Math.Abs(digits));
        return digits >= 0 ? Math.Round(milliseconds * scale) / scale : Math.Round(milliseconds / scale) * scale;
    }

    private static string Sample(double milliseconds) => Number(RoundSample(milliseconds));

    private static EfficiencyException Unreadable(string template, params object[] args) =>
        new(ErrorCodes.BaselineUnreadable, UserText.Format(template, args));

    private sealed record Document(
        string? Format,
        string? Spec,
        Dictionary<string, Dictionary<string, IndicatorDocument>>? Static,
        List<ProfileDocument>? Profiles,
        List<BenchmarkDocument>? Benchmarks);

    private sealed record BenchmarkDocument(string? Entry, string? Case, string? Host, string? Machine, DateTimeOffset? Recorded,
        Dictionary<string, IndicatorDocument>? Indicators, List<double>? SamplesMs, List<int>? Launches);

    private sealed record ProfileDocument(string? Profile, string? Fingerprint, string? Machine, DateTimeOffset? Recorded, List<MeasurementDocument>? Measurements);

    private sealed record MeasurementDocument(string? Model, int? Batch, Dictionary<string, IndicatorDocument>? Indicators, List<double>? LatencySamplesMs, double? OtherCpuShare,
        ReferenceDocument? ReferenceMs, string? Commit);

    private sealed record ReferenceDocument(double? Compute, double? Memory);

    private sealed record IndicatorDocument(double? Value, double? Lower, double? Upper, int? Samples, string? Unit);
}
