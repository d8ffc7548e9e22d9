namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// Operators that copy, permute, select or convert elements without arithmetic: 0 FLOPs, but their
/// outputs are real tensors, so they count in <c>activations_all</c> and their traffic in
/// <c>memory_access</c>. Cast is a conversion, not arithmetic.
/// </summary>
internal sealed class DataMovementCost : ICostRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[]
    {
        "Transpose", "Concat", "Split", "Slice", "Gather", "GatherElements", "GatherND", "Expand", "Tile", "Pad",
        "DepthToSpace", "SpaceToDepth", "ScatterND", "ScatterElements", "Scatter", "OneHot", "Trilu", "NonZero",
        "Compress", "ReverseSequence", "MaxUnpool", "CenterCropPad", "Cast", "CastLike", "TensorScatter", "Unique",
    };

    public OperatorCost Cost(CostContext context) => OperatorCost.DataMovement;
}
