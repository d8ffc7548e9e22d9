namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// If, Loop and Scan cost nothing themselves: their bodies' nodes are costed, each multiplied by the times it
/// runs (<see cref="NodeCost.Repeats"/>). Counted as a view so the node's own inputs and outputs, which the
/// body nodes already read and write, are not counted twice.
/// </summary>
internal sealed class ControlFlowCost : ICostRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "If", "Loop", "Scan" };

    public OperatorCost Cost(CostContext context) => OperatorCost.View;
}
