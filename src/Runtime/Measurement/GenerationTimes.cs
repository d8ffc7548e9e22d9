namespace EfficiencyMisnomer.Runtime.Measurement;

/// <summary>Per generation kept: the time to first token and the mean time of a decode step, in milliseconds.</summary>
public sealed record GenerationTimes(List<double> FirstToken, List<double> PerToken);

/// <summary>What an interleaved generation of a head and its base measured: each side's indicators and per-round times.</summary>
public sealed record PairedGeneration(IReadOnlyList<MeasuredIndicator> Base, IReadOnlyList<MeasuredIndicator> Head, GenerationTimes BaseTimes, GenerationTimes HeadTimes);
