using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Runtime.Isolation;
using EfficiencyMisnomer.Runtime.Measurement;

namespace EfficiencyMisnomer.Runtime.Comparison;

/// <summary>
/// One model measured against its base: the head's case (bindings, provider, settings, batch, watched statistics) and
/// the base's model, measured with the very same settings and inputs.
/// </summary>
/// <param name="Head">The head's case.</param>
/// <param name="BaseModel">The base's model file, loaded.</param>
/// <param name="Decides">
/// Whether an interval of head / base decides every comparison that rests on it, given the base's median latency (ms)
/// for the noise floor; sampling stops when it does.
/// </param>
/// <param name="Looks">When to look at the interval, and at which confidence.</param>
public sealed record PairedCase(MeasurementCase Head, OnnxModel BaseModel, Func<RatioEstimate, double, bool> Decides, SequentialLooks Looks)
{
    /// <summary>The head's fresh-session observation (cold start, memory), made before; reported with the head.</summary>
    public SessionObservation? HeadFresh { get; init; }

    /// <summary>The base's fresh-session observation, made before; reported with the base.</summary>
    public SessionObservation? BaseFresh { get; init; }

    /// <summary>Seeds the order of base and head within each round.</summary>
    public int OrderSeed { get; init; } = Environment.TickCount;
}
