using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// ONNX Unique (opset 11): how many values (or slices along <c>axis</c>) are unique is known only at run time, U. Without
/// an axis: Y (U), the input flattened; with one: the input with that dim U. indices and counts are (U);
/// inverse_indices has one entry per element (no axis) or per slice along the axis. Index outputs are int64.
/// </summary>
internal sealed class UniqueShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Unique" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var x = context.RequireShape(0);
        var unique = context.NewDim("unique");
        Dim looked;
        if (context.Attributes.GetIntOrNull("axis") is { } declared)
        {
            var axis = ShapeMath.Axis(context, declared, x.Rank);
            looked = x[axis];
            context.SetOutput(0, type.ElementType, ShapeMath.Replace(x, axis, unique));
        }
        else
        {
            looked = ShapeMath.Product(context, x.ToList(), "elements");
            context.SetOutput(0, type.ElementType, new TensorShape(new[] { unique }));
        }

        for (var output = 1; output < context.OutputCount; output++)
        {
            context.SetOutput(output, ElementType.Int64, new TensorShape(new[] { output == 2 ? looked : unique }));
        }
    }
}
