using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft NhwcConv and NhwcFusedConv, ONNX Runtime's channels-last Conv: input (N, D..., C) gives
/// (N, O..., M). NhwcConv's weight is channels-last too, (M, k..., C/group), as the transformer optimizer's
/// NhwcConv fusion transposes it; NhwcFusedConv keeps Conv's (M, C/group, k...).
/// </summary>
internal sealed class NhwcConvShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "NhwcConv", "NhwcFusedConv" };

    public void Infer(ShapeContext context)
    {
        InferChannelsLast(context, weightInput: 1, weightChannelsLast: context.Node.OpType == "NhwcConv", () => context.RequireType(0).ElementType);
    }

    /// <summary>
    /// A Conv over channels-last data, input 0 (N, D..., C) giving (N, O..., M) of the type <paramref name="elementType"/> gives;
    /// the weight (input <paramref name="weightInput"/>) is (M, k..., C/group) when <paramref name="weightChannelsLast"/>,
    /// else Conv's (M, C/group, k...). Shared with ONNX Runtime's channels-last QLinearConv.
    /// </summary>
    internal static void InferChannelsLast(ShapeContext context, int weightInput, bool weightChannelsLast, Func<ElementType> elementType)
    {
        var x = context.RequireShape(0);
        var w = context.RequireShape(weightInput);
        if (x.Rank < 3 || w.Rank != x.Rank)
        {
            throw context.Invalid($"input {x} and weight {w} must both have the same rank, at least 3 (batch, spatial..., channels)");
        }

        long group = context.Attributes.GetInt("group", 1);
        if (group <= 0)
        {
            throw context.Invalid($"group {group} must be positive");
        }

        var weightChannels = weightChannelsLast ? w[w.Rank - 1] : w[1];
        var channels = x[x.Rank - 1];
        if (channels.IsKnown && weightChannels.IsKnown && channels.Value != checked(weightChannels.Value * group))
        {
            throw context.Invalid($"input has {channels.Value} channels but the weight {w} with group {group} expects {weightChannels.Value * group}");
        }

        var kernel = weightChannelsLast ? ChannelsLastKernel(context, w) : ConvShapeRule.Kernel(context, w);
        var spatial = WindowMath.Spatial(context, x.Skip(1).Take(x.Rank - 2).ToList(), kernel, ceilMode: false);
        context.SetOutput(0, elementType(), new TensorShape(new[] { x[0] }.Concat(spatial).Append(w[0])));
    }

    /// <summary>The kernel_shape attribute, or the dims between a channels-last weight's first and last.</summary>
    private static long[] ChannelsLastKernel(ShapeContext context, TensorShape weight)
    {
        var kernel = context.Attributes.GetInts("kernel_shape");
        if (kernel is { Length: > 0 })
        {
            return kernel.Length == weight.Rank - 2 ? kernel : throw context.Invalid($"kernel_shape has {kernel.Length} values for weight {weight}");
        }

        return weight.Skip(1).Take(weight.Rank - 2)
            .Select(d => d.IsKnown ? d.Value : throw new ShapeInferenceException("the kernel size is unknown")).ToArray();
    }
}
