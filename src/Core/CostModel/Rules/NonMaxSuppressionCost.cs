namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// NonMaxSuppression, greedy per batch and class over S boxes: each box's score compared with the threshold (1),
/// its area (2 subtracts, 1 multiply) and, with <c>center_point_box</c> 1, its corners (2 halvings, 4 adds), then
/// the boxes sorted by score as TopK's heap (<c>⌈log2 S⌉</c> compares each); each of the k = min(max_output, S)
/// selected boxes is then tested against the boxes left behind it, <c>k·(S−1) − k·(k−1)/2</c> pairs at an IoU of
/// 13 (corners 4, clamped extents 4, intersection 1, union 2, divide 1, compare 1). Which boxes survive is known
/// only at run time, so no box is counted as suppressed early: an upper bound. Without
/// <c>max_output_boxes_per_class</c>, or at 0, nothing is selected and nothing is counted.
/// </summary>
internal sealed class NonMaxSuppressionCost : ICostRule
{
    private const int PerBox = 1 + 3;
    private const int CenterToCorners = 6;
    private const int PerPair = 13;

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "NonMaxSuppression" };

    public OperatorCost Cost(CostContext context)
    {
        var scores = context.InputDims(1);
        if (scores.Length != 3 || !context.HasInput(2))
        {
            return OperatorCost.Elementwise(0);
        }

        long boxes = scores[2];
        long max = context.InputValue(2) is { Length: 1 } value ? value.IntegerAt(0) : boxes;
        long kept = Math.Clamp(max, 0, boxes);
        if (kept == 0)
        {
            return OperatorCost.Elementwise(0);
        }

        long perBox = PerBox + DimArithmetic.Log2Ceiling(boxes) + (context.Attributes.GetInt("center_point_box", 0) == 1 ? CenterToCorners : 0);
        long pairs = checked((kept * (boxes - 1)) - (kept * (kept - 1) / 2));
        long perClass = checked((perBox * boxes) + (PerPair * pairs));
        return OperatorCost.Elementwise(checked(scores[0] * scores[1] * perClass));
    }
}
