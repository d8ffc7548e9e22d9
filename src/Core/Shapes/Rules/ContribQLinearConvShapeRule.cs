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

        NhwcConvShapeRule.InferChannelsLast(context, Weight, weightChannelsLast: false,
            () => (context.InputType(OutputZeroPoint) ?? context.RequireType(0)).ElementType);
    }
}
