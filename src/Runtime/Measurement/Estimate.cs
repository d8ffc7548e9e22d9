namespace EfficiencyMisnomer.Runtime.Measurement;

/// <summary>A statistic of the samples with its confidence interval.</summary>
/// <param name="Value">The estimate.</param>
/// <param name="Lower">Lower bound of the interval.</param>
/// <param name="Upper">Upper bound of the interval.</param>
/// <param name="Samples">Samples it rests on.</param>
public sealed record Estimate(double Value, double Lower, double Upper, int Samples)
{
    /// <summary>Half the interval's width.</summary>
    public double HalfWidth => (Upper - Lower) / 2;

    /// <summary>Half-width relative to the estimate; infinite for a zero estimate.</summary>
    public double RelativeHalfWidth => Value == 0 ? double.PositiveInfinity : HalfWidth / Math.Abs(Value);

    public Estimate Scaled(double factor) => factor >= 0
        ? new(Value * factor, Lower * factor, Upper * factor, Samples)
        : new(Value * factor, Upper * factor, Lower * factor, Samples);
}
