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

    /// <summary>
    /// A rate per second from this time in milliseconds for <paramref name="count"/> items (samples, tokens): the
    /// interval inverts, and a lower bound at 0 ms gives an unbounded rate.
    /// </summary>
    public Estimate PerSecond(double count) => new(
        count * 1000 / Value, count * 1000 / Upper, Lower > 0 ? count * 1000 / Lower : double.PositiveInfinity, Samples);

    public Estimate Scaled(double factor) => factor >= 0
        ? new(Value * factor, Lower * factor, Upper * factor, Samples)
        : new(Value * factor, Upper * factor, Lower * factor, Samples);
}
