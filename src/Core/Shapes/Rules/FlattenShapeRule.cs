using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Flatten: the dims before axis and the dims from axis on each collapse into one.</summary>
internal sealed class FlattenShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Flatten" };

    public void Infer(ShapeContext context)
    {
        var shape = context.RequireShape(0);
        long axis = context.Attributes.GetInt("axis", 1);
        int split = axis == shape.Rank ? shape.Rank : ShapeMath.Axis(context, axis, shape.Rank == 0 ? 1 : shape.Rank);
        var outer = ShapeMath.Product(context, shape.Take(split).ToList(), "flatten");
        var inner = ShapeMath.Product(context, shape.Skip(split).ToList(), "flatten");
        var output = new TensorShape(new[] { outer, inner });
        var value = context.InputValue(0) is { } v && output.IsFullyKnown ? ValueMath.Reshape(v, output.ToSizes()) : null;
        context.SetOutput(0, context.RequireType(0).ElementType, output, value);
    }
}
