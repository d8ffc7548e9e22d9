using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>NonZero: int64 [rank, count]; the count is known only when the input's values are.</summary>
internal sealed class NonZeroShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "NonZero" };

    public void Infer(ShapeContext context)
    {
        var shape = context.RequireShape(0);
        var count = context.InputValue(0) is { } v
            ? Dim.Of(Enumerable.Range(0, v.Length).Count(i => v.RealAt(i) != 0))
            : context.NewDim("nonzero");
        context.SetOutput(0, ElementType.Int64, new TensorShape(new[] { Dim.Of(shape.Rank), count }));
    }
}
