using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// ConvTranspose: (N, C, D...) with weight (C, M/group, k...) gives (N, M, O...), where O is output_shape
/// when given, else stride*(D-1) + output_padding + (k-1)*dilation + 1 - pads (D*stride for SAME auto_pad).
/// </summary>
internal sealed class ConvTransposeShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "ConvTranspose" };

    public void Infer(ShapeContext context)
    {
        var x = context.RequireShape(0);
        var w = context.RequireShape(1);
        if (x.Rank < 3 || w.Rank != x.Rank)
        {
            throw context.Invalid($"input {x} and weight {w} must both be (N, C, spatial...) of the same rank");
        }

        long group = context.Attributes.GetInt("group", 1);
        if (x[1].IsKnown && w[0].IsKnown && x[1].Value != w[0].Value)
        {
            throw context.Invalid($"input has {x[1].Value} channels but the weight {w} expects {w[0].Value}");
        }

        var channels = w[1].IsKnown ? Dim.Of(checked(w[1].Value * group)) : context.NewDim("channels");
        context.SetOutput(0, context.RequireType(0).ElementType, new TensorShape(new[] { x[0], channels }.Concat(Spatial(context, x, w))));
    }

    private static Dim[] Spatial(ShapeContext context, TensorShape x, TensorShape w)
    {
        int n = x.Rank - 2;
        var outputShape = context.Attributes.GetInts("output_shape");
        if (outputShape is { Length: > 0 })
        {
            // Some exporters give the full (N, C, D...) shape; the spatial part is its tail.
            return outputShape.Skip(Math.Max(0, outputShape.Length - n)).Select(Dim.Of).ToArray();
        }

        var kernel = ConvShapeRule.Kernel(context, w);
        var strides = WindowMath.Ints(context, "strides", n, 1);
        var dilations = WindowMath.Ints(context, "dilations", n, 1);
        var outputPadding = WindowMath.Ints(context, "output_padding", n, 0);
        var pads = WindowMath.Ints(context, "pads", 2 * n, 0);
        var autoPad = context.Attributes.GetString("auto_pad", "NOTSET");
        var result = new Dim[n];
        for (int i = 0; i < n; i++)
        {
            var d = x[i + 2];
            if (!d.IsKnown)
            {
                result[i] = context.NewDim("spatial");
                continue;
            }

            long size = autoPad is "SAME_UPPER" or "SAME_LOWER"
                ? checked(d.Value * strides[i])
                : checked((strides[i] * (d.Value - 1)) + outputPadding[i] + ((kernel[i] - 1) * dilations[i]) + 1
                    - (autoPad == "VALID" ? 0 : pads[i] + pads[i + n]));
            result[i] = size >= 0 ? Dim.Of(size) : throw context.Invalid($"spatial output {i} would be {size}");
        }

        return result;
    }
}
