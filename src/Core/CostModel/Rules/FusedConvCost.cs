namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft FusedConv, ONNX Runtime's Conv fused with the activation after it: the MACs and bias of
/// <see cref="ConvCost"/>, plus 1 per output for the sum input Z (input 3) and the <c>activation</c>'s FLOPs
/// per output as its operator costs them (Relu and Tanh 1, LeakyRelu and Clip 2, Sigmoid and HardSigmoid 4).
/// </summary>
internal sealed class FusedConvCost : ICostRule
{
    private const int SumInput = 3;
    private static readonly ConvCost Conv = new();

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "FusedConv" };

    public OperatorCost Cost(CostContext context)
    {
        var conv = Conv.Cost(context);
        var output = context.OutputElements(0);
        var activation = context.Attributes.GetString("activation", "") is { Length: > 0 } name ? RecurrentStep.Cost(name) : 0;
        var sum = context.HasInput(SumInput) ? 1 : 0;
        return conv with { Flops = checked(conv.Flops + ((activation + sum) * output)) };
    }
}
