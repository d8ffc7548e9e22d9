namespace EfficiencyMisnomer.CostModel;

/// <summary>Parameter indicators of a model: <c>params</c>, <c>param_uses</c>, <c>embedding_params</c>.</summary>
/// <param name="Params">Parameter elements, each tensor once.</param>
/// <param name="ParamUses">Parameter elements counted once per consuming node.</param>
/// <param name="EmbeddingParams">Parameter elements read only by Gather.</param>
/// <param name="Bytes">Bytes of the parameters at their stored element types.</param>
/// <param name="Tensors">Parameter tensors.</param>
/// <param name="UnusedTensors">Floating-point tensors no node reads (not parameters).</param>
public sealed record ParameterCount(long Params, long ParamUses, long EmbeddingParams, long Bytes, int Tensors, int UnusedTensors)
{
    public double SharingFactor => Params == 0 ? 1.0 : (double)ParamUses / Params;

    /// <summary>The tensors counted, each once, in no particular order.</summary>
    public IReadOnlyList<ParameterTensor> ParameterTensors { get; init; } = Array.Empty<ParameterTensor>();
}

/// <summary>A tensor counted in <c>params</c>, with the name of one node that reads it (for messages).</summary>
public sealed record ParameterTensor(string Name, Onnx.TensorInfo Tensor, string Reader);
