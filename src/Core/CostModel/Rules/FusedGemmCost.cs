namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft FusedGemm, ONNX Runtime's Gemm fused with the activation after it: the MACs and C of
/// <see cref="GemmCost"/>, plus the <c>activation</c>'s FLOPs per output as <see cref="FusedConvCost"/> counts them.
/// </summary>
internal sealed class FusedGemmCost : ICostRule
{
    private static readonly GemmCost Gemm = new();

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "FusedGemm" };

    public OperatorCost Cost(CostContext context)
    {
        var gemm = Gemm.Cost(context);
        var activation = context.Attributes.GetString("activation", "") is { Length: > 0 } name ? RecurrentStep.Cost(name) : 0;
        return gemm with { Flops = checked(gemm.Flops + (activation * context.OutputElements(0))) };
    }
}
