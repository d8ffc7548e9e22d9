using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>TopK: values and int64 indices with the axis dim replaced by k (an attribute before opset 10, an input from it).</summary>
internal sealed class TopKShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "TopK" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var shape = context.RequireShape(0);
        int axis = ShapeMath.Axis(context, context.Attributes.GetInt("axis", -1), shape.Rank);
        Dim k;
        if (context.Opset < 10)
        {
            k = Dim.Of(context.Attributes.GetIntOrNull("k") ?? throw context.Invalid("k is required"));
        }
        else
        {
            k = context.InputValue(1) is { Length: 1 } value ? Dim.Of(value.IntegerAt(0)) : context.NewDim("topk");
        }

        if (k.IsKnown && shape[axis].IsKnown && k.Value > shape[axis].Value)
        {
            throw context.Invalid($"k = {k.Value} exceeds dim {axis} of {shape}");
        }

        var output = ShapeMath.Replace(shape, axis, k);
        context.SetOutput(0, type.ElementType, output);
        context.SetOutput(1, ElementType.Int64, output);
    }
}
