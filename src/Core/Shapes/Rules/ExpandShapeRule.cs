using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Expand: the input broadcast against the shape given as input 1.</summary>
internal sealed class ExpandShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Expand" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var target = ShapeMath.Known(context, ShapeMath.Sizes(context, context.RequireValue(1), "the shape"));
        var output = ShapeMath.Broadcast(context, context.RequireShape(0), target);
        TensorValue? value = null;
        if (context.InputValue(0) is { } v && output.IsFullyKnown && ValueMath.Fits(output.ToSizes()))
        {
            var dims = output.ToSizes();
            var offsets = ValueMath.BroadcastOffsets(v.Dims, dims);
            value = ValueMath.Create(v.ElementType, dims, i => v.IntegerAt(offsets[i]), i => v.RealAt(offsets[i]));
        }

        context.SetOutput(0, type.ElementType, output, value);
    }
}
