namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft CausalConvWithState: a depthwise convolution whose left padding along the causal axis is the
/// carried state, so every output reads all its kernel taps: <c>out · prod(kernel)</c> MACs, the weight being
/// (C, 1, k…), as <see cref="ConvCost"/> counts <c>out · prod(W.shape[1:])</c>. A bias adds 1 per output and the
/// fused silu or swish <c>activation</c> 5 (sigmoid 4 and a multiply). Copying the state is data movement.
/// VarlenCausalConvWithState is the same convolution over packed tokens (T, C), its bias input 3: each of the T·C
/// outputs reads all k taps, from its own sequence or the carried state, never across a sequence boundary.
/// </summary>
internal sealed class CausalConvWithStateCost : ICostRule
{
    private const int WeightInput = 1;
    private const int BiasInput = 2;
    private const int VarlenBiasInput = 3;
    private const int SiLU = 5;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "CausalConvWithState", "VarlenCausalConvWithState" };

    public OperatorCost Cost(CostContext context)
    {
        var outputs = context.InputElements(0);
        var weight = context.InputDims(WeightInput);
        var kernel = weight.Length > 2 ? CostContext.Product(weight[2..]) : 0;
        var activation = context.Attributes.GetString("activation", "none").ToLowerInvariant() is "silu" or "swish" ? SiLU : 0;
        var bias = context.HasInput(context.Node.OpType == "VarlenCausalConvWithState" ? VarlenBiasInput : BiasInput);
        var perOutput = activation + (bias ? 1 : 0);
        return OperatorCost.Linear(checked(outputs * kernel), checked(perOutput * outputs));
    }
}
