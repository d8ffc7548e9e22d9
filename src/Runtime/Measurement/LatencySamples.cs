namespace EfficiencyMisnomer.Runtime.Measurement;

/// <summary>What a sampling run produced: per-inference times in milliseconds and how it ended.</summary>
/// <param name="Milliseconds">One entry per timed inference, in run order.</param>
/// <param name="WarmupRuns">Inferences run before timing began.</param>
/// <param name="Elapsed">Wall time of warm-up and sampling together.</param>
/// <param name="TargetMet">Whether the stopping rule was met (false: stopped by the time cap or the sample limit).</param>
public sealed record LatencySamples(double[] Milliseconds, int WarmupRuns, TimeSpan Elapsed, bool TargetMet);
