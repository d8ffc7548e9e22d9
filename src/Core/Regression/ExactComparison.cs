namespace EfficiencyMisnomer.Regression;

/// <summary>A deterministic value against its baseline: worse or better beyond the tolerance, or within it.</summary>
public static class ExactComparison
{
    /// <summary>The outcome and the ratio <paramref name="measured"/> / <paramref name="reference"/> (infinite when the baseline is 0 and this run is not).</summary>
    public static (RegressionOutcome Status, double Ratio) Compare(string indicator, double measured, double reference, double tolerance)
    {
        var ratio = reference != 0 ? measured / reference : measured == 0 ? 1 : double.PositiveInfinity;
        var higher = measured > reference * (1 + tolerance) && measured != reference;
        var lower = measured < reference * (1 - tolerance) && measured != reference;
        var (worse, better) = IndicatorDirection.HigherIsBetter(indicator) ? (lower, higher) : (higher, lower);
        return (worse ? RegressionOutcome.Regressed : better ? RegressionOutcome.Improved : RegressionOutcome.Pass, ratio);
    }
}
