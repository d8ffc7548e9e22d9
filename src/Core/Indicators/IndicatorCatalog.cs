namespace EfficiencyMisnomer.Indicators;

/// <summary>Finds indicators by their public name, static and runtime.</summary>
public static class IndicatorCatalog
{
    private static readonly Dictionary<string, Indicator> Static = StaticIndicators.All.ToDictionary(i => i.Name, StringComparer.Ordinal);
    private static readonly Dictionary<string, Indicator> Runtime = RuntimeIndicators.All.ToDictionary(i => i.Name, StringComparer.Ordinal);
    private static readonly Dictionary<string, Indicator> Benchmark = BenchmarkIndicators.All.ToDictionary(i => i.Name, StringComparer.Ordinal);

    public static IEnumerable<string> StaticNames => StaticIndicators.All.Select(i => i.Name);

    public static IEnumerable<string> RuntimeNames => RuntimeIndicators.All.Select(i => i.Name);

    public static IEnumerable<string> BenchmarkNames => BenchmarkIndicators.All.Select(i => i.Name);

    /// <summary>An indicator of a BenchmarkDotNet case (<c>mean</c>, <c>allocated</c>, ...).</summary>
    public static Indicator? FindBenchmark(string name) => Benchmark.GetValueOrDefault(name);

    public static Indicator? FindStatic(string name) => Static.GetValueOrDefault(name);

    public static Indicator? FindRuntime(string name) => Runtime.GetValueOrDefault(name);

    public static Indicator? Find(string name) => FindStatic(name) ?? FindRuntime(name);
}
