using EfficiencyMisnomer.Indicators;

namespace EfficiencyMisnomer.Regression;

/// <summary>Which way is worse for each indicator: costs are lower-is-better; rates and shares of useful work higher-is-better.</summary>
public static class IndicatorDirection
{
    private static readonly HashSet<string> HigherIsBetterNames = new(StringComparer.Ordinal)
    {
        RuntimeIndicators.Throughput.Name,
        RuntimeIndicators.PrefillTokensPerSecond.Name,
        RuntimeIndicators.DecodeTokensPerSecond.Name,
        BenchmarkIndicators.OperationsPerSecond.Name,
        StaticIndicators.Sparsity.Name,
        StaticIndicators.ArithmeticIntensity.Name,
    };

    /// <summary>Whether a larger value of <paramref name="indicator"/> is an improvement.</summary>
    public static bool HigherIsBetter(string indicator) => HigherIsBetterNames.Contains(indicator);
}
