using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>ArgMax and ArgMin: int64 indices along one axis, kept as 1 or removed.</summary>
internal sealed class ArgMaxShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "ArgMax", "ArgMin" };

    public void Infer(ShapeContext context)
    {
        var shape = context.RequireShape(0);
        int axis = ShapeMath.Axis(context, context.Attributes.GetInt("axis", 0), shape.Rank);
        bool keepDims = context.Attributes.GetInt("keepdims", 1) != 0;
        var dims = shape.Select((d, i) => (d, i)).Where(p => p.i != axis || keepDims).Select(p => p.i == axis ? Dim.Of(1) : p.d);
        context.SetOutput(0, ElementType.Int64, new TensorShape(dims));
    }
}
