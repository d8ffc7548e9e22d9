using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>OneHot: a new axis of size depth (which must be known) inserted into the indices' shape; values' type.</summary>
internal sealed class OneHotShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "OneHot" };

    public void Infer(ShapeContext context)
    {
        var indices = context.RequireShape(0);
        var depthValue = context.RequireValue(1);
        if (depthValue.Length != 1)
        {
            throw context.Invalid("depth must hold one value");
        }

        long depth = depthValue.IntegerAt(0);
        if (depth <= 0)
        {
            throw context.Invalid($"depth {depth} must be positive");
        }

        int axis = ShapeMath.Axis(context, context.Attributes.GetInt("axis", -1), indices.Rank + 1);
        var dims = indices.ToList();
        dims.Insert(axis, Dim.Of(depth));
        context.SetOutput(0, context.RequireType(2).ElementType, new TensorShape(dims));
    }
}
