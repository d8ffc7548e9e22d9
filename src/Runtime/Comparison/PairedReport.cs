using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Runtime.Measurement;

namespace EfficiencyMisnomer.Runtime.Comparison;

/// <summary>What an interleaved measurement of a model against its base found.</summary>
/// <param name="Base">The base's indicators, from its samples of the interleaved rounds.</param>
/// <param name="Head">The head's indicators, from its samples of the same rounds.</param>
/// <param name="Ratio">Head / base of the per-round values at the confidence of the last look.</param>
/// <param name="Ratio95">The same ratio's interval at 95%, for tables that show every comparison alike.</param>
/// <param name="Rounds">Rounds measured: each one block of the base and one of the head, in random order.</param>
/// <param name="Block">Inferences per side per round (a round is a few milliseconds, however fast the model).</param>
/// <param name="Decided">Whether sampling stopped because the interval decided (false: the time cap ended it).</param>
public sealed record PairedReport(RuntimeReport Base, RuntimeReport Head, RatioEstimate Ratio, RatioEstimate Ratio95, int Rounds, int Block, bool Decided)
{
    /// <summary>The ratios of the interleaved generations, for a decoder measured with <c>generation:</c>; null otherwise.</summary>
    public GenerationRatios? Generation { get; init; }
}

/// <summary>
/// Head / base of a decoder's interleaved generations (one generation of each side per round, in random order): the
/// per-round time to first token and time per output token, each at the decision's confidence and at 95%.
/// </summary>
public sealed record GenerationRatios(RatioEstimate FirstToken, RatioEstimate FirstToken95, RatioEstimate PerToken, RatioEstimate PerToken95, int Rounds)
{
    /// <summary>The ratio (at the decision's confidence, then at 95%) that <paramref name="indicator"/> rests on; null for an indicator not of generation.</summary>
    public (RatioEstimate Decision, RatioEstimate At95)? For(string indicator) =>
        indicator == RuntimeIndicators.TimeToFirstToken.Name || indicator == RuntimeIndicators.PrefillTokensPerSecond.Name ? (FirstToken, FirstToken95)
        : indicator == RuntimeIndicators.TimePerOutputToken.Name || indicator == RuntimeIndicators.DecodeTokensPerSecond.Name ? (PerToken, PerToken95)
        : null;
}
