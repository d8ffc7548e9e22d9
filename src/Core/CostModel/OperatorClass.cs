namespace EfficiencyMisnomer.CostModel;

/// <summary>How an operator's outputs and traffic count toward the activation and memory indicators.</summary>
public enum OperatorClass
{
    /// <summary>Arithmetic or data movement: outputs count in <c>activations_all</c>, traffic in <c>memory_access</c>.</summary>
    Compute,

    /// <summary>Conv- and matmul-like: additionally, outputs count in <c>activations</c>.</summary>
    Linear,

    /// <summary>Pure views and metadata (Reshape, Squeeze, Shape, Constant, ...): no arithmetic, no traffic, no activations.</summary>
    View,
}
