using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.ModelBuilder;

/// <summary>
/// A conv-then-linear classifier head, in float and as a quantized twin of the same shapes (QLinearConv and
/// QLinearMatMul with int8 weights, an int32 conv bias, float scales and uint8/int8 zero points).
/// </summary>
public static class QuantizedModels
{
    public const long Channels = 3, Filters = 8, Size = 8, Classes = 10;

    /// <summary>Conv(3→8, 3×3, pad 1, bias) on [1, 3, 8, 8], Flatten, MatMul to 10 classes.</summary>
    public static ModelBuilder ConvLinear(bool quantized)
    {
        var model = new ModelBuilder(quantized ? "conv_linear_int8" : "conv_linear_float", opset: 13);
        var features = Filters * Size * Size;
        var pads = ("pads", new long[] { 1, 1, 1, 1 });
        if (!quantized)
        {
            var x = model.Input("x", ElementType.Float, 1, Channels, Size, Size);
            var conv = model.Op("Conv", new[] { x, model.Weight("conv.weight", Filters, Channels, 3, 3), model.Weight("conv.bias", Filters) }, pads);
            var flat = model.Op("Flatten", new[] { conv }, ("axis", 1L));
            model.Output(model.Op("MatMul", new[] { flat, model.Weight("fc.weight", features, Classes) }), ElementType.Float, 1, Classes);
            return model;
        }

        var q = model.Input("x", ElementType.UInt8, 1, Channels, Size, Size);
        var scale = model.Floats("scale", Array.Empty<long>(), new[] { 0.02f });
        var channelScales = model.Floats("conv.weight_scale", new[] { Filters }, Enumerable.Repeat(0.01f, (int)Filters).ToArray());
        var activationZero = model.Initializer("zero_u8", ElementType.UInt8, Array.Empty<long>());
        var weightZero = model.Initializer("zero_i8", ElementType.Int8, Array.Empty<long>());
        var weightZeros = model.Initializer("conv.weight_zero", ElementType.Int8, new[] { Filters });
        var qconv = model.Op("QLinearConv", new[]
        {
            q, scale, activationZero, model.Initializer("conv.weight", ElementType.Int8, new[] { Filters, Channels, 3, 3 }), channelScales, weightZeros,
            scale, activationZero, model.Initializer("conv.bias", ElementType.Int32, new[] { Filters }),
        }, pads);
        var qflat = model.Op("Flatten", new[] { qconv }, ("axis", 1L));
        var logits = model.Op("QLinearMatMul", new[]
        {
            qflat, scale, activationZero, model.Initializer("fc.weight", ElementType.Int8, new[] { features, Classes }), scale, weightZero, scale, activationZero,
        });
        model.Output(logits, ElementType.UInt8, 1, Classes);
        return model;
    }
}
