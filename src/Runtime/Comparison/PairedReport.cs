using EfficiencyMisnomer.Runtime.Reports;

namespace EfficiencyMisnomer.Runtime.Comparison;

/// <summary>What an interleaved measurement of a model against its base found.</summary>
/// <param name="Base">The base's indicators, from its samples of the interleaved rounds.</param>
/// <param name="Head">The head's indicators, from its samples of the same rounds.</param>
/// <param name="Ratio">Head / base of the per-round values at the confidence of the last look.</param>
/// <param name="Ratio95">The same ratio's interval at 95%, for tables that show every comparison alike.</param>
/// <param name="Rounds">Rounds measured: each one block of the base and one of the head, in random order.</param>
/// <param name="Block">Inferences per side per round (a round is a few milliseconds, however fast the model).</param>
/// <param name="Decided">Whether sampling stopped because the interval decided (false: the time cap ended it).</param>
public sealed record PairedReport(RuntimeReport Base, RuntimeReport Head, RatioEstimate Ratio, RatioEstimate Ratio95, int Rounds, int Block, bool Decided);
