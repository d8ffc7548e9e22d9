namespace EfficiencyMisnomer.Units;

/// <summary>The unit an indicator is reported in: its dimension, and how many base units one of it is (1 ms = 0.001 s).</summary>
public sealed record IndicatorUnit(Dimension Dimension, double BaseUnits)
{
    private static readonly IndicatorUnit Count = new(Dimension.Count, 1);

    /// <summary>The unit named by an indicator's unit text (<c>parameters</c>, <c>bytes</c>, <c>ms</c>, ...).</summary>
    public static IndicatorUnit Of(string unit) => unit switch
    {
        "bytes" => new(Dimension.Bytes, 1),
        "ratio" or "FLOP/byte" => new(Dimension.Ratio, 1),
        "ms" => new(Dimension.Time, 1e-3),
        "samples/s" or "tokens/s" or "ops/s" => new(Dimension.Rate, 1),
        "J" => new(Dimension.Energy, 1),
        "g/M inferences" => new(Dimension.Mass, 1),
        "money/M inferences" => new(Dimension.Money, 1),
        _ => Count, // parameters, MAC, FLOP, elements, nodes
    };
}
