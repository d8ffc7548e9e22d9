namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// The com.microsoft operators that copy or select elements without arithmetic, as their ONNX twins in
/// <see cref="DataMovementCost"/>: the legacy Pad, GatherND, Trilu and Unique (a deduplication, compares and no
/// FLOPs), and TorchEmbedding (a Gather of rows of its weight).
/// </summary>
internal sealed class ContribDataMovementCost : ICostRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Pad", "GatherND", "Trilu", "Unique", "TorchEmbedding" };

    public OperatorCost Cost(CostContext context) => OperatorCost.DataMovement;
}
