using System.Globalization;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft CausalConvWithState, a depthwise convolution causal along the last spatial axis that carries
/// its last <c>(k₁ − 1) · dilation</c> positions as a state. Output: the input's shape, (B, C, spatial…) or,
/// with <c>channels_last</c>, (B, L, d₁…dₙ) where C = d₁·…·dₙ. The weight is (C, 1, k₁…). The present state is
/// documented for <c>ndim</c> 1: (B, C, state_length), (B, state_length, d₁…dₙ) channels-last, with a leading
/// axis of <c>state_window</c> W when W &gt; 0; for 2-D and 3-D it is left uninferred with a warning.
/// </summary>
internal sealed class CausalConvWithStateShapeRule : IShapeRule
{
    private const int WeightInput = 1;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "CausalConvWithState" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var input = context.RequireShape(0);
        var ndim = context.Attributes.GetInt("ndim", 1);
        var channelsLast = context.Attributes.GetInt("channels_last", 0) == 1;
        var dilation = context.Attributes.GetInt("dilation", 1);
        var window = context.Attributes.GetInt("state_window", 0);
        if (ndim is < 1 or > 3 || (channelsLast && ndim != 1) || dilation < 1 || window is < 0 or > StateWindow.Max)
        {
            throw context.Invalid($"ndim {Text(ndim)} (1 to 3, 1 when channels_last), dilation {Text(dilation)} (at least 1) and state_window {Text(window)} (0 to {Text(StateWindow.Max)}) are out of range");
        }

        var weight = CausalKernel.Require(context, WeightInput, ndim);
        var channelAxes = channelsLast ? input.Skip(2).ToArray() : input.Skip(1).Take(1).ToArray();
        if ((channelsLast ? input.Rank < 3 : input.Rank != 2 + ndim) || !SameChannels(channelAxes, weight[0]))
        {
            throw context.Invalid($"input {input} does not have the weight's {weight[0]} channels in a {(channelsLast ? "(batch, sequence, d…)" : "(batch, channels, spatial…)")} layout");
        }

        context.SetOutput(0, type);
        if (ndim != 1)
        {
            context.Warn($"the present state of a {Text(ndim)}-D CausalConvWithState has no documented shape");
            return;
        }

        var length = CausalKernel.StateLength(context, weight, dilation);
        var slot = channelsLast ? new[] { input[0], length }.Concat(channelAxes) : new[] { input[0], input[1], length };
        context.SetOutput(1, type.ElementType, new TensorShape(StateWindow.Around(window, slot)));
    }

    private static bool SameChannels(Dim[] axes, Dim channels) =>
        !channels.IsKnown || !Array.TrueForAll(axes, d => d.IsKnown) || axes.Aggregate(1L, (p, d) => p * d.Value) == channels.Value;

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
