namespace EfficiencyMisnomer.CostModel;

/// <summary>Parameter indicators of a model: <c>params</c>, <c>param_uses</c>, <c>embedding_params</c>.</summary>
public sealed record ParameterCount(long Params, long ParamUses, long EmbeddingParams, int Tensors, int UnusedTensors)
{
    public double SharingFactor => Params == 0 ? 1.0 : (double)ParamUses / Params;
}
