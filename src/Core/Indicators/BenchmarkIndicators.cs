namespace EfficiencyMisnomer.Indicators;

/// <summary>
/// The indicators of a BenchmarkDotNet case, read from its results (times per operation, as BenchmarkDotNet measures
/// them). Names are a public interface, distinct from the model indicators.
/// </summary>
public static class BenchmarkIndicators
{
    public static readonly Indicator Mean = new("mean", "ms", "mean time per operation (BenchmarkDotNet's Mean)");
    public static readonly Indicator Median = new("median", "ms", "median time per operation");
    public static readonly Indicator P95 = new("p95", "ms", "95th percentile of the time per operation");
    public static readonly Indicator StandardDeviation = new("stddev", "ms", "standard deviation of the time per operation");
    public static readonly Indicator OperationsPerSecond = new("ops_per_s", "ops/s", "operations per second, from the mean");
    public static readonly Indicator Allocated = new("allocated", "bytes", "managed bytes allocated per operation (memory diagnoser)");
    public static readonly Indicator Gen0 = new("gen0", "collections/1k ops", "generation 0 collections per 1,000 operations (memory diagnoser)");
    public static readonly Indicator Gen1 = new("gen1", "collections/1k ops", "generation 1 collections per 1,000 operations (memory diagnoser)");
    public static readonly Indicator Gen2 = new("gen2", "collections/1k ops", "generation 2 collections per 1,000 operations (memory diagnoser)");

    /// <summary>In the order reports show them.</summary>
    public static IReadOnlyList<Indicator> All { get; } = new[] { Mean, Median, P95, StandardDeviation, OperationsPerSecond, Allocated, Gen0, Gen1, Gen2 };
}
