namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// Reductions read every input element once, with one or two FLOPs each (the accumulation, plus |x|,
/// x² or exp where the reduction applies one), and some finish with one FLOP per output element (the
/// mean's division, the L2 norm's sqrt, the log of ReduceLogSum and ReduceLogSumExp). ArgMax, ArgMin
/// and CumSum are one compare or add per input element. A reduction told to do nothing
/// (<c>noop_with_empty_axes</c> without axes) costs nothing.
/// </summary>
internal sealed class ReduceCost : ICostRule
{
    private static readonly Dictionary<string, (int PerInput, int PerOutput)> Table = new(StringComparer.Ordinal)
    {
        ["ReduceSum"] = (1, 0),
        ["ReduceMax"] = (1, 0),
        ["ReduceMin"] = (1, 0),
        ["ReduceProd"] = (1, 0),
        ["ReduceMean"] = (1, 1),
        ["ReduceL1"] = (2, 0),
        ["ReduceL2"] = (2, 1),
        ["ReduceSumSquare"] = (2, 0),
        ["ReduceLogSum"] = (1, 1),
        ["ReduceLogSumExp"] = (2, 1),
        ["ArgMax"] = (1, 0),
        ["ArgMin"] = (1, 0),
        ["CumSum"] = (1, 0),
    };

    public IReadOnlyCollection<string> OpTypes { get; } = Table.Keys.ToArray();

    public OperatorCost Cost(CostContext context)
    {
        if (IsNoop(context))
        {
            return OperatorCost.DataMovement;
        }

        var (perInput, perOutput) = Table[context.Node.OpType];
        return OperatorCost.Elementwise(checked((perInput * context.InputElements(0)) + (perOutput * context.OutputElements(0))));
    }

    private static bool IsNoop(CostContext context) =>
        context.Node.OpType.StartsWith("Reduce", StringComparison.Ordinal)
        && context.Attributes.GetInt("noop_with_empty_axes", 0) != 0
        && !context.HasInput(1)
        && context.Attributes.GetInts("axes") is null;
}
