using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>MaxRoiPool: (N, C, H, W) with rois (R, 5) gives (R, C, pooled_h, pooled_w).</summary>
internal sealed class MaxRoiPoolShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "MaxRoiPool" };

    public void Infer(ShapeContext context)
    {
        var x = context.RequireShape(0);
        var rois = context.RequireShape(1);
        var pooled = context.Attributes.GetInts("pooled_shape");
        if (pooled is not { Length: 2 } || x.Rank != 4 || rois.Rank != 2)
        {
            throw context.Invalid($"expects a 4-D input, 2-D rois and a 2-value pooled_shape; got {x} and {rois}");
        }

        context.SetOutput(0, context.RequireType(0).ElementType, new TensorShape(new[] { rois[0], x[1], Dim.Of(pooled[0]), Dim.Of(pooled[1]) }));
    }
}
