namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft LinearAttentionGate: per element of a, <c>decay = decay_scale · Softplus(a + dt_bias)</c> is 5
/// FLOPs (add, softplus 3, multiply, as GatedDeltaNet's fused gate counts them); per element of b,
/// <c>beta = Sigmoid(b)</c> is 4. The float32 casts it keeps in registers are conversions, not counted.
/// </summary>
internal sealed class LinearAttentionGateCost : ICostRule
{
    private const int BInput = 3;
    private const int Decay = 5;
    private const int Sigmoid = 4;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "LinearAttentionGate" };

    public OperatorCost Cost(CostContext context) =>
        OperatorCost.Elementwise(checked((Decay * context.InputElements(0)) + (Sigmoid * context.InputElements(BInput))));
}
