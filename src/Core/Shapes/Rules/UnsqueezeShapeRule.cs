using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Unsqueeze: inserts dims of size 1 at axes of the output (attribute before opset 13, input from it).</summary>
internal sealed class UnsqueezeShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Unsqueeze" };

    public void Infer(ShapeContext context)
    {
        var shape = context.RequireShape(0);
        var axes = ShapeMath.AttributeOrInput(context, "axes", 1, 13) ?? throw context.Invalid("axes are required");
        Insert(context, shape, axes);
    }

    /// <summary>Sets output 0 to <paramref name="shape"/> with dims of size 1 at <paramref name="axes"/> of the output.</summary>
    public static void Insert(ShapeContext context, TensorShape shape, long[] axes)
    {
        int rank = shape.Rank + axes.Length;
        var inserted = ShapeMath.Axes(context, axes, rank).ToHashSet();
        var dims = new Dim[rank];
        int next = 0;
        for (int i = 0; i < rank; i++)
        {
            dims[i] = inserted.Contains(i) ? Dim.Of(1) : shape[next++];
        }

        var output = new TensorShape(dims);
        var value = context.InputValue(0) is { } v ? ValueMath.Reshape(v, output.ToSizes()) : null;
        context.SetOutput(0, context.RequireType(0).ElementType, output, value);
    }
}
