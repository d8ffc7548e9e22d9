namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// TensorScatter (opset 24), the KV-cache update: <c>update</c> (batch, …, sequence_length, …) is written into a
/// copy of <c>past_cache</c> (batch, …, max_sequence_length, …) along <c>axis</c> (default -2, never the batch
/// dim) from each batch row's <c>write_indices</c> entry; the present cache has the past cache's type and shape.
/// </summary>
internal sealed class TensorScatterShapeRule : IShapeRule
{
    private static readonly string[] Modes = { "linear", "circular" };

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "TensorScatter" };

    public void Infer(ShapeContext context)
    {
        var past = context.RequireShape(0);
        var update = context.RequireShape(1);
        if (update.Rank != past.Rank)
        {
            throw context.Invalid($"update {update} and past_cache {past} must have one rank");
        }

        int axis = ShapeMath.Axis(context, context.Attributes.GetInt("axis", -2), past.Rank);
        if (axis == 0)
        {
            throw context.Invalid("axis is the batch dim; the sequence dim must come after it");
        }

        for (int i = 0; i < past.Rank; i++)
        {
            bool tooLong = i == axis && past[i].IsKnown && update[i].IsKnown && update[i].Value > past[i].Value;
            if (tooLong || (i != axis && ShapeMath.Differ(past[i], update[i])))
            {
                throw context.Invalid($"update {update} does not fit past_cache {past} along axis {axis}");
            }
        }

        ShapeMath.Choice(context, "mode", Modes);

        if (context.InputType(2)?.Shape is { } indices && (indices.Rank != 1 || ShapeMath.Differ(indices[0], past[0])))
        {
            throw context.Invalid($"write_indices {indices} must be 1-D, one index per batch row of past_cache {past}");
        }

        context.SetOutput(0, context.RequireType(0));
    }
}
