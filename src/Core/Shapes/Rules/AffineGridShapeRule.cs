namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// AffineGrid (opset 20), the sampling grid of a spatial transformer: theta (N, 2, 3) and size (N, C, H, W) give
/// (N, H, W, 2); theta (N, 3, 4) and size (N, C, D, H, W) give (N, D, H, W, 3), in theta's type. The output's
/// sizes are <c>size</c>'s values, which must be known.
/// </summary>
internal sealed class AffineGridShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "AffineGrid" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var theta = context.RequireShape(0);
        if (theta.Rank != 3 || !theta[1].IsKnown || theta[1].Value is not (2 or 3) || (theta[2].IsKnown && theta[2].Value != theta[1].Value + 1))
        {
            throw context.Invalid($"theta {theta} must be (N, 2, 3) or (N, 3, 4)");
        }

        var spatial = (int)theta[1].Value;
        var size = ShapeMath.Sizes(context, context.RequireValue(1), "size");
        if (size.Length != spatial + 2)
        {
            throw context.Invalid($"size [{string.Join(", ", size)}] must be (N, C) and the {spatial} spatial sizes that theta {theta} transforms");
        }

        if (theta[0].IsKnown && theta[0].Value != size[0])
        {
            throw context.Invalid($"theta's batch {theta[0].Value} differs from size's {size[0]}");
        }

        context.SetOutput(0, type.ElementType, ShapeMath.Known(context, size.Take(1).Concat(size.Skip(2)).Append(spatial)));
    }
}
