using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft QLinearConv, which ONNX Runtime's NHWC transformer writes with <c>channels_last</c> = 1: input
/// (N, D..., C) gives (N, O..., M) in the output zero point's type. Only the data is channels-last; the weight keeps
/// ONNX's (M, C/group, k...), so the kernel is read as for Conv. Without the attribute it is ONNX's QLinearConv
/// (<see cref="ConvShapeRule"/>).
/// </summary>
internal sealed class ContribQLinearConvShapeRule : IShapeRule
{
    private const int Weight = 3;
    private const int OutputZeroPoint = 7;
    private static readonly ConvShapeRule Conv = new();

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "QLinearConv" };

    public void Infer(ShapeContext context)
    {
        if (context.Attributes.GetInt("channels_last", 0) == 0)
        {
            Conv.Infer(context);
            return;
        }

        var x = context.RequireShape(0);
        var w = context.RequireShape(Weight);
        if (x.Rank < 3 || w.Rank != x.Rank)
        {
            throw context.Invalid($"input {x} and weight {w} must both have the same rank, at least 3 (batch, spatial..., channels)");
        }

        long group = context.Attributes.GetInt("group", 1);
        if (group <= 0)
        {
            throw context.Invalid($"group {group} must be positive");
        }

        var channels = x[x.Rank - 1];
        if (channels.IsKnown && w[1].IsKnown && channels.Value != checked(w[1].Value * group))
        {
            throw context.Invalid($"input has {channels.Value} channels but the weight {w} with group {group} expects {w[1].Value * group}");
        }

        var kernel = ConvShapeRule.Kernel(context, w);
        var spatial = WindowMath.Spatial(context, x.Skip(1).Take(x.Rank - 2).ToList(), kernel, ceilMode: false);
        var elementType = (context.InputType(OutputZeroPoint) ?? context.RequireType(0)).ElementType;
        context.SetOutput(0, elementType, new TensorShape(new[] { x[0] }.Concat(spatial).Append(w[0])));
    }
}
