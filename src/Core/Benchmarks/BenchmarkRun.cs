using EfficiencyMisnomer.Hardware;

namespace EfficiencyMisnomer.Benchmarks;

/// <summary>
/// One BenchmarkDotNet results file (its full JSON exporter's <c>*-report-full.json</c>): the machine it ran on and
/// every benchmark case it measured. Times are in nanoseconds per operation, as BenchmarkDotNet writes them.
/// </summary>
/// <param name="Path">The file, as given.</param>
/// <param name="Host">The machine and runtime, as BenchmarkDotNet describes them.</param>
/// <param name="Cases">The cases, in file order.</param>
public sealed record BenchmarkRun(string Path, BenchmarkHost Host, IReadOnlyList<BenchmarkCase> Cases);

/// <summary>BenchmarkDotNet's host environment: what our hardware fingerprint knows as cpu, cores, OS and runtime.</summary>
public sealed record BenchmarkHost(string Processor, int? PhysicalCores, int? LogicalCores, string Os, string Architecture, string Runtime, string BenchmarkDotNetVersion)
{
    private const string NoGpu = "none (BenchmarkDotNet records no GPU)";
    private const string Advice = "To judge these results by it, widen the pattern";

    private static readonly (string Prefix, string Family)[] OsFamilies =
    {
        ("Linux", "linux"), ("Windows", "windows"), ("macOS", "macos"), ("FreeBSD", "freebsd"),
    };

    /// <summary>
    /// The host as results documents write it: <c>cpu</c>, <c>physical_cores</c>, <c>logical_cores</c>, <c>os</c>,
    /// <c>arch</c>, <c>runtime</c>, <c>benchmarkdotnet</c> (an unknown count is empty).
    /// </summary>
    public IReadOnlyDictionary<string, string> Facts() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [BenchmarkHostFingerprint.Cpu] = Processor,
        [BenchmarkHostFingerprint.PhysicalCores] = PhysicalCores?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        [BenchmarkHostFingerprint.LogicalCores] = LogicalCores?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["os"] = Os,
        [BenchmarkHostFingerprint.Architecture] = Architecture,
        ["runtime"] = Runtime,
        ["benchmarkdotnet"] = BenchmarkDotNetVersion,
    };

    /// <summary>
    /// The host as a hardware profile's <c>match</c> sees it: provider <c>cpu</c>, the processor as BenchmarkDotNet names
    /// it, the OS family from the first word of its OS version (<c>Linux Debian GNU/Linux 12</c>), its architecture.
    /// BenchmarkDotNet records neither a GPU nor the host's name, so <c>gpu</c> and <c>host</c> patterns never match.
    /// </summary>
    public MachineProperties Properties() =>
        new("cpu", Processor, null, NoGpu, OsFamily(Os), Os, Architecture, "", $"the benchmarks' {BenchmarkHostFingerprint.Summary(Facts())}, os \"{Os}\"", Advice);

    private static string OsFamily(string os) =>
        OsFamilies.FirstOrDefault(f => os.StartsWith(f.Prefix, StringComparison.OrdinalIgnoreCase)).Family ?? "";
}

/// <summary>
/// One benchmark case: a method at one combination of its parameters.
/// </summary>
/// <param name="Name">BenchmarkDotNet's full name, parameters included: <c>Text.Join(Size: 16)</c>.</param>
/// <param name="Statistics">The summary of the workload's per-operation times; null when the case failed or did not run.</param>
/// <param name="Memory">Allocations and collections; null when the run had no memory diagnoser.</param>
/// <param name="Samples">Nanoseconds per operation of each measured workload iteration, in run order: BenchmarkDotNet's raw
/// <c>Workload/Result</c> measurements (overhead subtracted, what its statistics summarise), or its <c>Workload/Actual</c>
/// ones (overhead included) where a result is not positive.</param>
public sealed record BenchmarkCase(string Name, BenchmarkStatistics? Statistics, BenchmarkMemory? Memory, IReadOnlyList<double> Samples)
{
    /// <summary>
    /// How many of <see cref="Samples"/> each launch (a process of its own, BenchmarkDotNet's <c>LaunchIndex</c>) measured,
    /// in order; they add up to the samples' count.
    /// </summary>
    public IReadOnlyList<int> Launches { get; init; } = Array.Empty<int>();
}

/// <summary>BenchmarkDotNet's statistics of a case, in nanoseconds per operation; a value it could not compute is null.</summary>
public sealed record BenchmarkStatistics(int Count, double Mean, double Median, double? StandardDeviation, double? P95);

/// <summary>What the memory diagnoser counted: collections over <see cref="Operations"/> operations and bytes per operation.</summary>
public sealed record BenchmarkMemory(long Gen0, long Gen1, long Gen2, long Operations, long BytesPerOperation);
