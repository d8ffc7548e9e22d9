namespace EfficiencyMisnomer.Indicators;

/// <summary>The hardware-independent indicators computed from the graph. Names are a public interface.</summary>
public static class StaticIndicators
{
    public static readonly Indicator Params = new("params", "parameters", "learnable parameter elements, each tensor once");
    public static readonly Indicator ParamUses = new("param_uses", "parameters", "parameter elements counted once per consuming node");
    public static readonly Indicator SharingFactor = new("sharing_factor", "ratio", "param_uses / params (1 = no sharing)");
    public static readonly Indicator EmbeddingParams = new("embedding_params", "parameters", "parameters read only by Gather (lookup tables)");
    public static readonly Indicator ModelSize = new("model_size", "bytes", "model file plus external data files on disk");
    public static readonly Indicator Sparsity = new("sparsity", "ratio", "fraction of parameter elements exactly zero (read from the weights, on request)");
    public static readonly Indicator Macs = new("macs", "MAC", "multiply-accumulates of conv, matmul and gemm-like operators");
    public static readonly Indicator Flops = new("flops", "FLOP", "2 x macs plus every other operator's arithmetic");
    public static readonly Indicator MacsPrefill = new("macs_prefill", "MAC", "macs of a decoder's prefill: the prompt into an empty KV cache (generation models)");
    public static readonly Indicator MacsPerToken = new("macs_per_token", "MAC", "macs of one decode step at the final length: one token after prompt + new_tokens - 1 cached (generation models)");
    public static readonly Indicator KvCache = new("kv_cache", "bytes", "bytes of the KV cache at the final length, prompt + new_tokens (generation models)");
    public static readonly Indicator Activations = new("activations", "elements", "output elements of conv- and matmul-like nodes");
    public static readonly Indicator ActivationsAll = new("activations_all", "elements", "output elements of every compute node");
    public static readonly Indicator MemoryAccess = new("memory_access", "bytes", "bytes read and written by all nodes, no fusion");
    public static readonly Indicator ArithmeticIntensity = new("arithmetic_intensity", "FLOP/byte", "flops / memory_access");
    public static readonly Indicator ActivationMemory = new("activation_memory", "bytes", "peak bytes of intermediate tensors alive at once in a topological schedule");
    public static readonly Indicator Depth = new("depth", "nodes", "compute nodes on the longest dependency path (sequential steps)");
    public static readonly Indicator MacsPerStep = new("macs_per_step", "MAC", "macs / depth: work available per sequential step");
    public static readonly Indicator TrainingFlops = new("training_flops", "FLOP", "forward + backward estimate: 3 x flops");
    public static readonly Indicator TrainingMemory = new("training_memory", "bytes", "weights + gradients + optimizer state + stored activations");
    public static readonly Indicator UnknownOps = new("unknown_ops", "nodes", "nodes whose operator has no cost rule");

    /// <summary>In the order reports show them.</summary>
    public static IReadOnlyList<Indicator> All { get; } = new[]
    {
        Params, ParamUses, SharingFactor, EmbeddingParams, ModelSize, Sparsity, Macs, Flops, MacsPrefill, MacsPerToken, KvCache, Activations, ActivationsAll,
        MemoryAccess, ArithmeticIntensity, ActivationMemory, Depth, MacsPerStep, TrainingFlops, TrainingMemory, UnknownOps,
    };
}
