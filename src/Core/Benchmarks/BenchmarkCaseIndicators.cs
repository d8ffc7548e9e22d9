using EfficiencyMisnomer.Indicators;

namespace EfficiencyMisnomer.Benchmarks;

/// <summary>
/// The indicators of a benchmark case (<see cref="BenchmarkIndicators"/>): times per operation converted from
/// BenchmarkDotNet's nanoseconds to milliseconds, operations per second from the mean, allocations per operation and
/// collections per 1,000 operations as BenchmarkDotNet's own columns show them. An indicator the results do not
/// carry (no memory diagnoser, a failed case, a statistic not computed) is absent, never zero.
/// </summary>
public static class BenchmarkCaseIndicators
{
    private const double NanosecondsPerMillisecond = 1e6;
    private const double NanosecondsPerSecond = 1e9;
    private const double PerThousand = 1000;

    public static IReadOnlyList<IndicatorValue> Of(BenchmarkCase benchmark)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        var values = new List<IndicatorValue>();
        if (benchmark.Statistics is { } statistics)
        {
            values.Add(Time(BenchmarkIndicators.Mean, statistics.Mean));
            values.Add(Time(BenchmarkIndicators.Median, statistics.Median));
            if (statistics.P95 is { } p95)
            {
                values.Add(Time(BenchmarkIndicators.P95, p95));
            }

            if (statistics.StandardDeviation is { } deviation)
            {
                values.Add(Time(BenchmarkIndicators.StandardDeviation, deviation));
            }

            if (statistics.Mean > 0)
            {
                values.Add(IndicatorValue.OfRatio(BenchmarkIndicators.OperationsPerSecond, NanosecondsPerSecond / statistics.Mean));
            }
        }

        if (benchmark.Memory is { } memory)
        {
            values.Add(IndicatorValue.OfCount(BenchmarkIndicators.Allocated, memory.BytesPerOperation));
            values.Add(PerThousandOperations(BenchmarkIndicators.Gen0, memory.Gen0, memory.Operations));
            values.Add(PerThousandOperations(BenchmarkIndicators.Gen1, memory.Gen1, memory.Operations));
            values.Add(PerThousandOperations(BenchmarkIndicators.Gen2, memory.Gen2, memory.Operations));
        }

        return values;
    }

    /// <summary>Why <paramref name="indicator"/> is absent from the case's results: what to change in the benchmark.</summary>
    public static string Missing(BenchmarkCase benchmark, Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        ArgumentNullException.ThrowIfNull(indicator);
        if (benchmark.Statistics is null)
        {
            return "the case has no statistics (it failed or did not run; see BenchmarkDotNet's log)";
        }

        return indicator == BenchmarkIndicators.Allocated || indicator == BenchmarkIndicators.Gen0 || indicator == BenchmarkIndicators.Gen1 || indicator == BenchmarkIndicators.Gen2
            ? "the results carry no memory diagnoser data (add [MemoryDiagnoser] to the benchmark class)"
            : "BenchmarkDotNet did not compute it (too few iterations)";
    }

    /// <summary>BenchmarkDotNet's nanoseconds as the milliseconds time indicators are reported in.</summary>
    public static double Milliseconds(double nanoseconds) => nanoseconds / NanosecondsPerMillisecond;

    private static IndicatorValue Time(Indicator indicator, double nanoseconds) => IndicatorValue.OfRatio(indicator, Milliseconds(nanoseconds));

    private static IndicatorValue PerThousandOperations(Indicator indicator, long collections, long operations) =>
        IndicatorValue.OfRatio(indicator, collections * PerThousand / operations);
}
