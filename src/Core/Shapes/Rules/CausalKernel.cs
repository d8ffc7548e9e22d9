using System.Globalization;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// The depthwise kernel (C, 1, k₁…) of ONNX Runtime's causal convolutions with a carried state (CausalConvWithState,
/// VarlenCausalConvWithState), and that state's length along the causal axis, <c>(k₁ − 1) · dilation</c>.
/// </summary>
internal static class CausalKernel
{
    /// <summary>The weight, which must be a depthwise kernel of <paramref name="spatial"/> spatial dims.</summary>
    public static TensorShape Require(ShapeContext context, int input, long spatial)
    {
        var weight = context.RequireShape(input);
        return weight.Rank == 2 + spatial && !(weight[1].IsKnown && weight[1].Value != 1) ? weight
            : throw context.Invalid($"weight {weight} is not a depthwise kernel (channels, 1, k…) of {spatial.ToString(CultureInfo.InvariantCulture)} spatial dims");
    }

    /// <summary>The positions of the causal axis the state carries between calls.</summary>
    public static Dim StateLength(ShapeContext context, TensorShape weight, long dilation) =>
        weight[2].IsKnown ? Dim.Of(checked((weight[2].Value - 1) * dilation)) : context.NewDim("state_length");
}
