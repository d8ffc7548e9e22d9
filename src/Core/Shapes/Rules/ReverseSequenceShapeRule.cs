namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// ReverseSequence (opset 10): reverses the first <c>sequence_lens[b]</c> steps along <c>time_axis</c> of each batch
/// row; the output has the input's type and shape. The batch and time axes are 0 and 1, in either order.
/// </summary>
internal sealed class ReverseSequenceShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "ReverseSequence" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var shape = context.RequireShape(0);
        long batch = context.Attributes.GetInt("batch_axis", 1);
        long time = context.Attributes.GetInt("time_axis", 0);
        if (shape.Rank < 2 || batch is not (0 or 1) || time is not (0 or 1) || batch == time)
        {
            throw context.Invalid($"expects an input of rank 2 or more, batch_axis and time_axis 0 and 1 in either order; got {shape}, {batch} and {time}");
        }

        if (context.InputType(1)?.Shape is { } lengths && (lengths.Rank != 1 || ShapeMath.Differ(lengths[0], shape[(int)batch])))
        {
            throw context.Invalid($"sequence_lens {lengths} must be 1-D, one length per batch row of {shape}");
        }

        context.SetOutput(0, type);
    }
}
