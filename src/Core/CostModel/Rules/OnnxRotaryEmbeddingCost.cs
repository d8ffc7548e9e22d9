namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// ONNX RotaryEmbedding (opset 23), the standard form of ONNX Runtime's: the same arithmetic per rotated
/// element (<see cref="RotaryEmbeddingCost"/>); only its inputs are ordered differently (X, cos, sin, position_ids).
/// </summary>
internal sealed class OnnxRotaryEmbeddingCost : ICostRule
{
    private static readonly RotaryEmbeddingCost Contrib = new();

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "RotaryEmbedding" };

    public OperatorCost Cost(CostContext context) => Contrib.Cost(context);
}
