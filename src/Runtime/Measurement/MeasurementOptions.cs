namespace EfficiencyMisnomer.Runtime.Measurement;

/// <summary>The measurement method's knobs; <c>docs/indicators.md</c> explains each default.</summary>
public sealed record MeasurementOptions
{
    public static MeasurementOptions Default { get; } = new();

    /// <summary>Wall time one case (model × profile × batch) may take, warm-up included; past it an unmet target is unstable.</summary>
    public TimeSpan TimeCap { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Confidence level of every interval and of the minimum sample counts.</summary>
    public double Confidence { get; init; } = 0.99;

    /// <summary>Target half-width of each budgeted statistic's interval, relative to the estimate.</summary>
    public double RelativeHalfWidth { get; init; } = 0.02;

    /// <summary>Runs per warm-up window; warm-up ends when two consecutive windows' medians agree.</summary>
    public int WarmupWindow { get; init; } = 10;

    /// <summary>How close two consecutive warm-up medians must be, relative.</summary>
    public double WarmupTolerance { get; init; } = 0.05;

    /// <summary>Share of the time cap warm-up may use at most.</summary>
    public double WarmupShare { get; init; } = 0.25;

    /// <summary>
    /// Samples taken at least, whatever the budgeted statistics need (the time cap still ends sampling): what a
    /// comparison with a baseline's samples needs. 0 leaves it to the statistics.
    /// </summary>
    public int MinimumSamples { get; init; }

    /// <summary>Samples kept at most, whatever the time cap.</summary>
    public int MaxSamples { get; init; } = 1_000_000;
}
