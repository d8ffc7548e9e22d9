using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// The ONNX Fourier transforms (opset 17). DFT: a signal (…, n, …, 1 or 2), real or complex in its last dim, is
/// transformed along <c>axis</c> (opset 17–19: an attribute, default 1; opset 20: an optional input, default −2,
/// negative counting from the back, never the last dim) to <c>dft_length</c> points (the axis's size when absent; a
/// longer length zero-pads, a shorter one truncates); the output is complex, and <c>onesided</c> keeps the
/// length / 2 + 1 unique bins of a real signal. STFT: a signal (batch, length, 1 or 2) is cut into frames of
/// <c>frame_length</c> (or the window's length) every <c>frame_step</c> samples, giving
/// (batch, frames, bins, 2) with frames = (length − frame length) / step + 1 and bins onesided (the default for a
/// real signal) or the frame length. Sizes whose values are not known statically become run-time dims.
/// </summary>
internal sealed class SpectralShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "DFT", "STFT" };

    public void Infer(ShapeContext context)
    {
        if (context.Node.OpType == "DFT")
        {
            Dft(context);
        }
        else
        {
            Stft(context);
        }
    }

    private static void Dft(ShapeContext context)
    {
        var type = context.RequireType(0);
        var x = context.RequireShape(0);
        var complex = Components(context, x, "input");
        var axis = Spectral.Axis(context, x.Rank);
        var length = context.HasInput(1) ? Spectral.Length(context, 1, "dft_length") : x[axis].IsKnown ? x[axis].Value : null;
        var inverse = context.Attributes.GetInt("inverse", 0) != 0;
        var onesided = context.Attributes.GetInt("onesided", 0) != 0;
        if (onesided && complex == true)
        {
            throw context.Invalid($"onesided needs a real input, and input {x} is complex");
        }

        if (onesided && inverse)
        {
            // The specification defines no onesided inverse.
            throw context.Invalid("onesided is defined for the forward transform only, and inverse is 1");
        }

        var dims = x.ToList();
        dims[axis] = length is not { } n ? context.NewDim("dft_length") : Dim.Of(onesided ? (n / 2) + 1 : n);

        dims[^1] = Dim.Of(2);
        context.SetOutput(0, type.ElementType, new TensorShape(dims));
    }

    private static void Stft(ShapeContext context)
    {
        var type = context.RequireType(0);
        var signal = context.RequireShape(0);
        if (signal.Rank != 3)
        {
            throw context.Invalid($"signal {signal} must be (batch, length, 1 or 2)");
        }

        var complex = Components(context, signal, "signal");
        var step = Spectral.Length(context, 1, "frame_step");
        long? window = null;
        if (context.HasInput(2))
        {
            var shape = context.RequireShape(2);
            if (shape.Rank != 1)
            {
                throw context.Invalid($"window {shape} must be 1-D");
            }

            window = shape[0].IsKnown ? shape[0].Value : null;
        }

        var frameLength = context.HasInput(3) ? Spectral.Length(context, 3, "frame_length") : window;
        if (!context.HasInput(2) && !context.HasInput(3))
        {
            throw context.Invalid("neither a window nor a frame_length gives the frame's length");
        }

        if (frameLength is { } frame && window is { } w && frame != w)
        {
            throw context.Invalid($"the window's length {w} differs from frame_length {frame}");
        }

        var length = signal[1];
        if (frameLength is { } f && length.IsKnown && f > length.Value)
        {
            throw context.Invalid($"frames of {f} samples do not fit a signal of {length.Value}");
        }

        var frames = frameLength is { } fl && step is { } s && length.IsKnown ? Dim.Of(((length.Value - fl) / s) + 1) : context.NewDim("frames");
        var onesided = context.Attributes.GetInt("onesided", 1) != 0 && complex != true;
        var bins = frameLength is not { } n ? context.NewDim("bins") : Dim.Of(onesided ? (n / 2) + 1 : n);
        context.SetOutput(0, type.ElementType, new TensorShape(new[] { signal[0], frames, bins, Dim.Of(2) }));
    }

    /// <summary>Whether the last dim holds a complex value (2) rather than a real one (1); null when unknown.</summary>
    private static bool? Components(ShapeContext context, TensorShape x, string what)
    {
        if (x.Rank < 2)
        {
            throw context.Invalid($"{what} {x} needs a signal dim and a last dim of 1 (real) or 2 (complex)");
        }

        var last = x[x.Rank - 1];
        return !last.IsKnown ? null
            : last.Value is 1 or 2 ? last.Value == 2
            : throw context.Invalid($"{what} {x} ends in {last.Value}, not 1 (real) or 2 (complex)");
    }
}

/// <summary>What the spectral operators read from their inputs and attributes: the transform's axis and scalar lengths.</summary>
internal static class Spectral
{
    /// <summary>DFT's axis, made non-negative: an attribute (default 1) before opset 20, an optional scalar input (default −2) since.</summary>
    public static int Axis(ShapeContext context, int rank)
    {
        long axis;
        if (context.Opset >= 20)
        {
            axis = context.HasInput(2) ? Scalar(context, context.RequireValue(2), "axis") : -2;
        }
        else
        {
            axis = context.Attributes.GetInt("axis", 1);
        }

        var resolved = axis < 0 ? axis + rank : axis;
        return resolved >= 0 && resolved <= rank - 2 ? (int)resolved
            : throw context.Invalid($"axis {axis} is not a signal dim of a rank-{rank} input (the last dim holds the real and imaginary parts)");
    }

    /// <summary>A positive scalar length at input <paramref name="index"/>; null when its value is not known statically.</summary>
    public static long? Length(ShapeContext context, int index, string what)
    {
        if (context.InputValue(index) is not { } value)
        {
            return null;
        }

        var length = Scalar(context, value, what);
        return length >= 1 ? length : throw context.Invalid($"{what} is {length}, not a positive length");
    }

    private static long Scalar(ShapeContext context, TensorValue value, string what) =>
        value.Length == 1 && value.Dims.Count <= 1 ? value.IntegerAt(0) : throw context.Invalid($"{what} must be a scalar, not of shape {value.Shape}");
}
