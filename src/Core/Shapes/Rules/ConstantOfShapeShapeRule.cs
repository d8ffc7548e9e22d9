using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>ConstantOfShape: a tensor of the shape given by input 0 filled with the value attribute (float 0 by default).</summary>
internal sealed class ConstantOfShapeShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "ConstantOfShape" };

    public void Infer(ShapeContext context)
    {
        var sizes = ShapeMath.Sizes(context, context.RequireValue(0), "the shape");
        var shape = ShapeMath.Known(context, sizes);
        var fill = context.Attributes.GetTensor("value");
        var elementType = fill?.ElementType ?? ElementType.Float;
        TensorValue? value = null;
        if (ValueMath.Fits(sizes) && (fill is null || fill.Value is { Length: 1 }))
        {
            var one = fill?.Value;
            value = ValueMath.Create(elementType, sizes, _ => one?.IntegerAt(0) ?? 0, _ => one?.RealAt(0) ?? 0);
        }

        context.SetOutput(0, elementType, shape, value);
    }
}
