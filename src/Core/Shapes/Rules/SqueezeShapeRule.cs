using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Squeeze: axes are an attribute before opset 13 and an input from it; no axes drop every dim of size 1.</summary>
internal sealed class SqueezeShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Squeeze" };

    public void Infer(ShapeContext context)
    {
        var shape = context.RequireShape(0);
        var axes = ShapeMath.AttributeOrInput(context, "axes", 1, 13);
        var removed = axes is null
            ? Enumerable.Range(0, shape.Rank).Where(i => shape[i] is { IsKnown: true, Value: 1 }).ToHashSet()
            : ShapeMath.Axes(context, axes, shape.Rank).ToHashSet();
        foreach (var axis in removed)
        {
            if (shape[axis].IsKnown && shape[axis].Value != 1)
            {
                throw context.Invalid($"cannot squeeze axis {axis} of size {shape[axis].Value} in {shape}");
            }
        }

        var output = new TensorShape(shape.Where((_, i) => !removed.Contains(i)));
        var value = context.InputValue(0) is { } v ? ValueMath.Reshape(v, output.ToSizes()) : null;
        context.SetOutput(0, context.RequireType(0).ElementType, output, value);
    }
}
