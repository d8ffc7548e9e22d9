using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Shape (with start/end from opset 15) and Size: int64 metadata whose values are known when the dims are.</summary>
internal sealed class ShapeOfShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Shape", "Size" };

    public void Infer(ShapeContext context)
    {
        var shape = context.RequireShape(0);
        if (context.Node.OpType == "Size")
        {
            var count = shape.ElementCount;
            context.SetOutput(0, ElementType.Int64, TensorShape.Scalar, count is { } c ? TensorValue.Scalar(c) : null);
            return;
        }

        int rank = shape.Rank;
        long start = Clamp(context.Attributes.GetInt("start", 0), rank);
        long end = Clamp(context.Attributes.GetInt("end", rank), rank);
        var dims = shape.Skip((int)start).Take((int)Math.Max(0, end - start)).ToList();
        var value = dims.All(d => d.IsKnown) ? TensorValue.Vector(dims.Select(d => d.Value).ToArray()) : null;
        context.SetOutput(0, ElementType.Int64, TensorShape.Of(dims.Count), value);
    }

    private static long Clamp(long position, int rank) => Math.Clamp(position < 0 ? position + rank : position, 0, rank);
}
