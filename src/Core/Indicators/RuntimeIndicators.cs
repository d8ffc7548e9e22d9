namespace EfficiencyMisnomer.Indicators;

/// <summary>The indicators measured per hardware profile at a declared batch size. Names are a public interface.</summary>
public static class RuntimeIndicators
{
    public static readonly Indicator LatencyP50 = new("latency.p50", "ms", "median per-inference wall time after warm-up");
    public static readonly Indicator LatencyP90 = new("latency.p90", "ms", "90th percentile per-inference wall time");
    public static readonly Indicator LatencyP95 = new("latency.p95", "ms", "95th percentile per-inference wall time");
    public static readonly Indicator LatencyP99 = new("latency.p99", "ms", "99th percentile per-inference wall time");
    public static readonly Indicator LatencyMax = new("latency.max", "ms", "slowest measured inference");
    public static readonly Indicator LatencyMean = new("latency.mean", "ms", "mean per-inference wall time");
    public static readonly Indicator Throughput = new("throughput", "samples/s", "samples per second at the declared batch");
    public static readonly Indicator TimeToFirstToken = new("ttft", "ms", "time to first token: the prefill of the prompt (generation models)");
    public static readonly Indicator TimePerOutputToken = new("tpot", "ms", "time per output token: the mean decode step, the cache fed back (generation models)");
    public static readonly Indicator PrefillTokensPerSecond = new("tokens_per_s.prefill", "tokens/s", "prompt tokens per second in the prefill (generation models)");
    public static readonly Indicator DecodeTokensPerSecond = new("tokens_per_s.decode", "tokens/s", "generated tokens per second in decoding (generation models)");
    public static readonly Indicator ColdStart = new("cold_start", "ms", "session creation plus first inference");
    public static readonly Indicator PeakMemory = new("peak_memory", "bytes", "host resident memory added by the session and its runs");
    public static readonly Indicator GpuMemory = new("gpu_memory", "bytes", "device memory used by the session (CUDA only)");
    public static readonly Indicator Energy = new("energy", "J", "joules per inference (NVML or RAPL, when readable)");
    public static readonly Indicator Cost = new("cost", "money/M inferences", "money per million inferences, from throughput and price_per_hour");
    public static readonly Indicator Co2 = new("co2", "g/M inferences", "grams of CO2 per million inferences, from energy and grid_intensity");

    /// <summary>In the order reports show them.</summary>
    public static IReadOnlyList<Indicator> All { get; } = new[]
    {
        LatencyP50, LatencyP90, LatencyP95, LatencyP99, LatencyMax, LatencyMean, Throughput,
        TimeToFirstToken, TimePerOutputToken, PrefillTokensPerSecond, DecodeTokensPerSecond, ColdStart,
        PeakMemory, GpuMemory, Energy, Cost, Co2,
    };
}
