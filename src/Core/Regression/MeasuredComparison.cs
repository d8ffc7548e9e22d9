namespace EfficiencyMisnomer.Regression;

/// <summary>The outcome of comparing a measured statistic with its baseline.</summary>
/// <param name="Status">The verdict.</param>
/// <param name="Ratio">Current over baseline of the compared statistic (the median); above 1 is slower.</param>
/// <param name="RatioLower">Lower bound of the ratio's interval.</param>
/// <param name="RatioUpper">Upper bound of the ratio's interval.</param>
/// <param name="Explanation">One sentence for a user: both values, the change, its interval and the limit it was judged against.</param>
public sealed record MeasuredComparison(RegressionOutcome Status, double Ratio, double RatioLower, double RatioUpper, string Explanation)
{
    /// <summary>Whether the noise floor, wider than the tolerance at this baseline, was the limit the interval was judged against.</summary>
    public bool DecidedByNoiseFloor { get; init; }

    /// <summary>
    /// The ratio and its interval as <paramref name="indicator"/> moves: the samples are times, so an indicator where
    /// higher is better (throughput, operations per second) moves inversely and its ratio is inverted.
    /// </summary>
    public (double Ratio, double Lower, double Upper) Of(string indicator) => IndicatorDirection.HigherIsBetter(indicator)
        ? (1 / Ratio, 1 / RatioUpper, 1 / RatioLower)
        : (Ratio, RatioLower, RatioUpper);
}
