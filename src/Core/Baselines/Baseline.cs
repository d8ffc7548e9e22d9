namespace EfficiencyMisnomer.Baselines;

/// <summary>
/// The stored reference of one spec (its <c>regression.baseline</c> file): the static indicators of every model once
/// (they do not depend on the hardware), and per hardware profile and machine the measurements recorded there.
/// <see cref="BaselineJson"/> reads and writes it; <see cref="BaselineStore"/> updates it safely.
/// </summary>
/// <param name="Spec">The spec's name.</param>
/// <param name="Static">Per model, its static indicators; in model-name order.</param>
/// <param name="Profiles">One entry per profile and machine fingerprint; in profile, then fingerprint order.</param>
public sealed record Baseline(string Spec, IReadOnlyList<BaselineModel> Static, IReadOnlyList<BaselineProfile> Profiles)
{
    /// <summary>The document format written in the <c>format</c> member; readers refuse other major versions.</summary>
    public const string Format = "efficiency-misnomer/baseline@1";

    public static Baseline Empty(string spec) => new(spec, Array.Empty<BaselineModel>(), Array.Empty<BaselineProfile>());

    public BaselineModel? StaticModel(string model) => Static.FirstOrDefault(m => m.Model == model);

    /// <summary>The entries of <paramref name="profile"/>, whatever machine recorded them.</summary>
    public IEnumerable<BaselineProfile> Entries(string profile) => Profiles.Where(p => p.Profile == profile);

    /// <summary>BenchmarkDotNet cases of the spec's <c>benchmarks</c>, per host; in entry, case, then host order.</summary>
    public IReadOnlyList<BaselineBenchmark> Benchmarks { get; init; } = Array.Empty<BaselineBenchmark>();

    /// <summary>The recordings of case <paramref name="benchmarkCase"/> of entry <paramref name="entry"/>, whatever host ran them.</summary>
    public IEnumerable<BaselineBenchmark> BenchmarkEntries(string entry, string benchmarkCase) =>
        Benchmarks.Where(b => b.Entry == entry && b.Case == benchmarkCase);
}

/// <summary>One BenchmarkDotNet case as recorded on one host: its indicators and the raw per-iteration times a later run is tested against.</summary>
/// <param name="Entry">The entry's name under <c>benchmarks</c>.</param>
/// <param name="Case">BenchmarkDotNet's full name of the case, parameters included.</param>
/// <param name="Host">The host's fingerprint id (<c>BenchmarkHostFingerprint</c>): only results of that host compare against it.</param>
/// <param name="Machine">The host's one-line summary, so that a mismatch can say what the entry was recorded on.</param>
/// <param name="Recorded">When the entry was last updated.</param>
/// <param name="Indicators">The case's indicators, in catalogue order.</param>
/// <param name="Samples">Milliseconds per operation of each measured workload iteration (at most 2000).</param>
public sealed record BaselineBenchmark(string Entry, string Case, string Host, string Machine, DateTimeOffset Recorded,
    IReadOnlyList<BaselineIndicator> Indicators, IReadOnlyList<double> Samples)
{
    /// <summary>How many of <see cref="Samples"/> each BenchmarkDotNet launch measured, in order; empty: one launch.</summary>
    public IReadOnlyList<int> Launches { get; init; } = Array.Empty<int>();

    public BaselineIndicator? Indicator(string name) => Indicators.FirstOrDefault(i => i.Name == name);
}

/// <summary>One model's static indicators, in catalogue order.</summary>
public sealed record BaselineModel(string Model, IReadOnlyList<BaselineIndicator> Indicators)
{
    public BaselineIndicator? Indicator(string name) => Indicators.FirstOrDefault(i => i.Name == name);
}

/// <summary>What one hardware profile measured on one machine.</summary>
/// <param name="Profile">The hardware profile's name.</param>
/// <param name="Fingerprint">The fingerprint id of the machine it was recorded on: only that machine compares against it.</param>
/// <param name="Machine">The fingerprint's one-line summary, so that a mismatch can say what the entry was recorded on.</param>
/// <param name="Recorded">When the entry was last updated.</param>
/// <param name="Measurements">Per model and batch; in model, then batch order.</param>
public sealed record BaselineProfile(string Profile, string Fingerprint, string Machine, DateTimeOffset Recorded, IReadOnlyList<BaselineMeasurement> Measurements)
{
    public BaselineMeasurement? Measurement(string model, int batch) => Measurements.FirstOrDefault(m => m.Model == model && m.Batch == batch);
}

/// <summary>One model measured at one batch: every runtime indicator and the latency samples a later run is tested against.</summary>
/// <param name="Model">The model's name in the spec.</param>
/// <param name="Batch">The batch size.</param>
/// <param name="Indicators">Every runtime indicator, in catalogue order.</param>
/// <param name="LatencySamples">Per-inference latencies in milliseconds (at most 2000, as results documents keep them).</param>
public sealed record BaselineMeasurement(string Model, int Batch, IReadOnlyList<BaselineIndicator> Indicators, IReadOnlyList<double> LatencySamples)
{
    /// <summary>The results documents' setting that carries <see cref="OtherCpuShare"/>.</summary>
    public const string OtherCpuShareSetting = "other_cpu_share";

    /// <summary>The share of all CPUs' time other processes used while it was measured (0 to 1); null when unknown.</summary>
    public double? OtherCpuShare { get; init; }

    /// <summary>The results documents' settings that carry <see cref="Reference"/>.</summary>
    public const string ReferenceComputeSetting = "reference_compute_ms", ReferenceMemorySetting = "reference_memory_ms";

    /// <summary>How fast the machine ran the reference workloads while it was measured; null when not observed.</summary>
    public ReferenceSpeed? Reference { get; init; }

    /// <summary>
    /// The commit whose files are the model that was measured (the model and its external data byte-identical to that
    /// commit's when the entry was recorded); null when unknown or when the model had uncommitted changes. A stored
    /// verdict that is not a pass is confirmed by measuring the head beside this commit's model.
    /// </summary>
    public string? Commit { get; init; }

    /// <summary>Whether <paramref name="text"/> is a full commit id: 40 (SHA-1) or 64 (SHA-256) lower-case hexadecimal digits.</summary>
    public static bool IsCommitId(string text) =>
        text is { Length: 40 or 64 } && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    public BaselineIndicator? Indicator(string name) => Indicators.FirstOrDefault(i => i.Name == name);
}

/// <summary>An indicator's recorded value with its unit; measured ones with their interval and sample count; null when it was unavailable.</summary>
public sealed record BaselineIndicator(string Name, string Unit, double? Value, double? Lower = null, double? Upper = null, int Samples = 1);

/// <summary>
/// The median times of the reference workloads measured beside a model (compute in the first-level cache, a sweep of
/// memory beyond the caches): whether the machine ran at the same speed in two runs.
/// </summary>
public sealed record ReferenceSpeed(double ComputeMs, double MemoryMs)
{
    /// <summary>How far the compute workload may move between two runs before the machine counts as changed (its own noise: about ±5%).</summary>
    public const double ComputeLimit = 0.20;

    /// <summary>How far the memory workload may move between two runs (its own noise: about ±8%).</summary>
    public const double MemoryLimit = 0.15;

    /// <summary>Whether both times are positive and finite.</summary>
    public bool IsValid => double.IsFinite(ComputeMs) && ComputeMs > 0 && double.IsFinite(MemoryMs) && MemoryMs > 0;

    /// <summary>
    /// Why the machine is not the one <paramref name="then"/> measured, or null when both workloads ran within their
    /// limits of it: "the compute reference ran 78% slower".
    /// </summary>
    public string? ChangeSince(ReferenceSpeed then)
    {
        ArgumentNullException.ThrowIfNull(then);
        if (!IsValid || !then.IsValid)
        {
            return null;
        }

        var changes = new List<string>();
        Check("compute", ComputeMs / then.ComputeMs, ComputeLimit, changes);
        Check("memory", MemoryMs / then.MemoryMs, MemoryLimit, changes);
        return changes.Count == 0 ? null : string.Join(" and ", changes);
    }

    private static void Check(string name, double ratio, double limit, List<string> changes)
    {
        if (ratio > 1 + limit || ratio < 1 / (1 + limit))
        {
            changes.Add(ratio > 1
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the {name} reference ran {ratio - 1:0%} slower")
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the {name} reference ran {(1 / ratio) - 1:0%} faster"));
        }
    }
}
