namespace EfficiencyMisnomer.Disagreement;

/// <summary>One ranking's raw material: each model's value of one indicator under one key.</summary>
internal sealed record IndicatorSeries(string Key, string Indicator, string? Profile, int? Batch, string? Machine, CostDirection Direction,
    IReadOnlyDictionary<string, SeriesPoint> Points);

/// <summary>
/// A value with the interval that decides ties. Static values have none (<see cref="Measured"/> false);
/// a measured value's missing bound is unbounded on that side.
/// </summary>
internal sealed record SeriesPoint(double Value, double? Lower, double? Upper, bool Measured)
{
    /// <summary>A measured value whose interval says nothing about its noise: none given, or zero wide.</summary>
    public bool SingleObservation => Measured && (Lower is null && Upper is null || Lower == Upper);
}
