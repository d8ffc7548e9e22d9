using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft SkipLayerNormalization and SkipSimplifiedLayerNormalization: output and the optional
/// input + skip (+ bias) sum have the input's shape; the saved mean and inverse deviation are float,
/// one per row (the input's shape with a last dim of 1).
/// </summary>
internal sealed class SkipLayerNormalizationShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "SkipLayerNormalization", "SkipSimplifiedLayerNormalization" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        context.SetOutput(0, type);
        context.SetOutput(3, type);
        if (type.Shape is { Rank: > 0 } shape)
        {
            var rows = ShapeMath.Replace(shape, shape.Rank - 1, Dim.Of(1));
            context.SetOutput(1, ElementType.Float, rows);
            context.SetOutput(2, ElementType.Float, rows);
        }
    }
}
