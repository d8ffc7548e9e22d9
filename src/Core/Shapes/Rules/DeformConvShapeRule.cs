using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// DeformConv (opset 19), the deformable convolution of detection models: X (N, C, H, W) and W (M, C/group, kH, kW)
/// give (N, M, oH, oW) as a Conv with the same pads, strides and dilations would. Every kernel tap samples X at a
/// learned offset: offset is (N, offset_group · 2 · kH · kW, oH, oW), and the optional mask, which scales each sample,
/// (N, offset_group · kH · kW, oH, oW); C must be a multiple of offset_group.
/// </summary>
internal sealed class DeformConvShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "DeformConv" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var x = context.RequireShape(0);
        var w = context.RequireShape(1);
        var offset = context.RequireShape(2);
        if (x.Rank < 3 || w.Rank != x.Rank || offset.Rank != x.Rank)
        {
            throw context.Invalid($"input {x}, weight {w} and offset {offset} must all be (N, channels, spatial...) of the same rank");
        }

        var group = context.Attributes.GetInt("group", 1);
        var offsetGroup = context.Attributes.GetInt("offset_group", 1);
        if (group <= 0 || offsetGroup <= 0)
        {
            throw context.Invalid($"group {group} and offset_group {offsetGroup} must be positive");
        }

        if (x[1].IsKnown && w[1].IsKnown && x[1].Value != checked(w[1].Value * group))
        {
            throw context.Invalid($"input has {x[1].Value} channels but the weight {w} with group {group} expects {w[1].Value * group}");
        }

        if (x[1].IsKnown && x[1].Value % offsetGroup != 0)
        {
            throw context.Invalid($"input's {x[1].Value} channels are not a multiple of offset_group {offsetGroup}");
        }

        var kernel = ConvShapeRule.Kernel(context, w);
        var taps = kernel.Aggregate(1L, (a, k) => checked(a * k));
        var spatial = WindowMath.Spatial(context, x.Skip(2).ToList(), kernel, ceilMode: false);
        Check(context, "offset", offset, checked(offsetGroup * spatial.Length * taps), spatial);
        if (context.HasInput(4))
        {
            Check(context, "mask", context.RequireShape(4), checked(offsetGroup * taps), spatial);
        }

        context.SetOutput(0, type.ElementType, new TensorShape(new[] { x[0], w[0] }.Concat(spatial)));
    }

    /// <summary>An offset or mask input: <paramref name="channels"/> channels over the output's spatial dims.</summary>
    private static void Check(ShapeContext context, string what, TensorShape shape, long channels, Dim[] spatial)
    {
        if (shape.Rank != spatial.Length + 2 || ShapeMath.Differ(shape[1], Dim.Of(channels)) || spatial.Where((d, i) => ShapeMath.Differ(shape[i + 2], d)).Any())
        {
            throw context.Invalid($"{what} {shape} must be (N, {channels}, {string.Join(", ", spatial)}): one value per kernel tap, offset group and output location");
        }
    }
}
