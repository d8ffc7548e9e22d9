using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// RoiAlign (opset 10, 16, 22), Mask R-CNN's region pooling: X (N, C, H, W), rois (R, 4) and batch_indices (R)
/// give (R, C, output_height, output_width) in X's type; <c>mode</c> is avg (default) or max and, from opset 16,
/// <c>coordinate_transformation_mode</c> half_pixel (default) or output_half_pixel.
/// </summary>
internal sealed class RoiAlignShapeRule : IShapeRule
{
    private static readonly string[] Modes = { "avg", "max" };
    private static readonly string[] CoordinateModes = { "half_pixel", "output_half_pixel" };

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "RoiAlign" };

    public void Infer(ShapeContext context)
    {
        var x = context.RequireShape(0);
        var rois = context.RequireShape(1);
        var indices = context.RequireShape(2);
        if (x.Rank != 4 || rois.Rank != 2 || indices.Rank != 1)
        {
            throw context.Invalid($"expects a 4-D X, 2-D rois and 1-D batch_indices; got {x}, {rois} and {indices}");
        }

        if (rois[1].IsKnown && rois[1].Value != 4)
        {
            throw context.Invalid($"rois {rois} must hold 4 coordinates per region");
        }

        if (ShapeMath.Differ(rois[0], indices[0]))
        {
            throw context.Invalid($"rois {rois} and batch_indices {indices} disagree on the number of regions");
        }

        long height = context.Attributes.GetInt("output_height", 1);
        long width = context.Attributes.GetInt("output_width", 1);
        if (height < 1 || width < 1 || context.Attributes.GetInt("sampling_ratio", 0) < 0)
        {
            throw context.Invalid($"output_height {height} and output_width {width} must be positive and sampling_ratio not negative");
        }

        ShapeMath.Choice(context, "mode", Modes);
        ShapeMath.Choice(context, "coordinate_transformation_mode", CoordinateModes);
        var regions = rois[0].IsKnown ? rois[0] : indices[0];
        context.SetOutput(0, context.RequireType(0).ElementType, new TensorShape(new[] { regions, x[1], Dim.Of(height), Dim.Of(width) }));
    }
}
