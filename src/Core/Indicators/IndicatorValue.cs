namespace EfficiencyMisnomer.Indicators;

/// <summary>A measured or computed indicator. Counts keep their exact integer in <see cref="Count"/>.</summary>
public sealed record IndicatorValue(Indicator Indicator, double Value, long? Count)
{
    public static IndicatorValue OfCount(Indicator indicator, long count) => new(indicator, count, count);

    public static IndicatorValue OfRatio(Indicator indicator, double value) => new(indicator, value, null);

    public string Name => Indicator.Name;

    public string Unit => Indicator.Unit;
}
