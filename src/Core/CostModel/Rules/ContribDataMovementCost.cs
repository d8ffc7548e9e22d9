namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// The legacy com.microsoft operators that copy or select elements without arithmetic, as their ONNX twins in
/// <see cref="DataMovementCost"/>: Pad, GatherND, Trilu, and Unique (a deduplication, compares and no FLOPs).
/// </summary>
internal sealed class ContribDataMovementCost : ICostRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Pad", "GatherND", "Trilu", "Unique" };

    public OperatorCost Cost(CostContext context) => OperatorCost.DataMovement;
}
