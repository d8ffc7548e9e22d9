namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// The com.microsoft integer operators that accumulate in 32 bits, costed as their float twins: MatMulInteger16 as
/// MatMul (<see cref="MatMulCost"/>); MulInteger one multiply per output plus, for each zero point given (inputs 1
/// and 3), one subtraction per output; ReduceSumInteger one add per input element, as ReduceSum.
/// </summary>
internal sealed class ContribIntegerCost : ICostRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "MatMulInteger16", "MulInteger", "ReduceSumInteger" };

    public OperatorCost Cost(CostContext context) => context.Node.OpType switch
    {
        "MatMulInteger16" => OperatorCost.Linear(MatMulCost.Macs(context.InputDims(0), context.InputDims(1))),
        "MulInteger" => OperatorCost.Elementwise(checked(context.OutputElements(0) * (1 + (context.HasInput(1) ? 1 : 0) + (context.HasInput(3) ? 1 : 0)))),
        _ => OperatorCost.Elementwise(context.InputElements(0)),
    };
}
