using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// NonMaxSuppression (opset 10, 11): boxes (B, S, 4) and scores (B, K, S) give the int64 (selected, 3) rows of
/// [batch, class, box]. How many survive depends on the scores, so the count is a new symbol, as NonZero's, except
/// when <c>max_output_boxes_per_class</c> is absent or 0, which the specification says selects nothing.
/// </summary>
internal sealed class NonMaxSuppressionShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "NonMaxSuppression" };

    public void Infer(ShapeContext context)
    {
        var boxes = context.RequireShape(0);
        var scores = context.RequireShape(1);
        if (boxes.Rank != 3 || scores.Rank != 3 || (boxes[2].IsKnown && boxes[2].Value != 4))
        {
            throw context.Invalid($"expects boxes (batches, boxes, 4) and scores (batches, classes, boxes); got {boxes} and {scores}");
        }

        if (ShapeMath.Differ(boxes[0], scores[0]) || ShapeMath.Differ(boxes[1], scores[2]))
        {
            throw context.Invalid($"boxes {boxes} and scores {scores} disagree on the batches or the boxes");
        }

        if (context.Attributes.GetInt("center_point_box", 0) is not (0 or 1))
        {
            throw context.Invalid("center_point_box must be 0 (corners) or 1 (centre, width, height)");
        }

        bool none = !context.HasInput(2) || context.InputValue(2) is { Length: 1 } max && max.IntegerAt(0) == 0;
        var selected = none ? Dim.Of(0) : context.NewDim("selected");
        context.SetOutput(0, ElementType.Int64, new TensorShape(new[] { selected, Dim.Of(3) }));
    }
}
