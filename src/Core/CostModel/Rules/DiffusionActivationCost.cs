namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// The Stable Diffusion fusions of ONNX Runtime's transformer optimizer. BiasSplitGelu adds the bias to every
/// input element (1 per input), then per output the erf Gelu of the second half (5, as Gelu) and the product with
/// the first (1). GemmFastGelu: the MACs of its MatMul (<see cref="MatMulCost"/>), then per output 1 for the
/// optional bias (input 2) and the tanh Gelu (9, as FastGelu).
/// </summary>
internal sealed class DiffusionActivationCost : ICostRule
{
    private const int GeluErf = 5;
    private const int GeluTanh = 9;
    private const int BiasInput = 2;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "BiasSplitGelu", "GemmFastGelu" };

    public OperatorCost Cost(CostContext context)
    {
        var output = context.OutputElements(0);
        if (context.Node.OpType == "BiasSplitGelu")
        {
            return OperatorCost.Elementwise(checked(context.InputElements(0) + ((GeluErf + 1) * output)));
        }

        var perOutput = GeluTanh + (context.HasInput(BiasInput) ? 1 : 0);
        return OperatorCost.Linear(MatMulCost.Macs(context.InputDims(0), context.InputDims(1)), checked(perOutput * output));
    }
}
