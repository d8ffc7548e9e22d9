using EfficiencyMisnomer.Shapes;

namespace EfficiencyMisnomer.CostModel;

/// <summary>What a static analysis needs besides the model: shape bindings, the optimizer for training estimates, and whether to read weights for sparsity.</summary>
public sealed record AnalysisOptions
{
    public static AnalysisOptions Default { get; } = new();

    public ShapeBindings Bindings { get; init; } = ShapeBindings.None;

    public Optimizer Optimizer { get; init; } = Optimizer.Adam;

    /// <summary>
    /// Compute <c>sparsity</c>, which reads every weight value (model file payloads and external data
    /// files). Off by default: the other indicators never read weights. When off, the report has no
    /// <c>sparsity</c> at all rather than a 0.
    /// </summary>
    public bool ComputeSparsity { get; init; }

    /// <summary>
    /// For a decoder with a KV cache: how it generates. The report is then the prefill's (the prompt, an empty cache),
    /// with <c>macs_prefill</c>, <c>macs_per_token</c> (one token at the final length) and <c>kv_cache</c> added.
    /// </summary>
    public Generation? Generation { get; init; }
}
