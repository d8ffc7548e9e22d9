using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Compress: as many slices as the condition has true values (before the axis ends), or a flat result without an axis.</summary>
internal sealed class CompressShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Compress" };

    public void Infer(ShapeContext context)
    {
        var shape = context.RequireShape(0);
        var axis = context.Attributes.GetIntOrNull("axis");
        var limit = axis is { } a ? shape[ShapeMath.Axis(context, a, shape.Rank)] : ShapeMath.Product(context, shape.ToList(), "compress");
        var count = context.InputValue(1) is { } condition && limit.IsKnown
            ? Dim.Of(Enumerable.Range(0, (int)Math.Min(condition.Length, limit.Value)).Count(i => condition.IntegerAt(i) != 0))
            : context.NewDim("compress");
        var output = axis is { } b ? ShapeMath.Replace(shape, ShapeMath.Axis(context, b, shape.Rank), count) : new TensorShape(new[] { count });
        context.SetOutput(0, context.RequireType(0).ElementType, output);
    }
}
