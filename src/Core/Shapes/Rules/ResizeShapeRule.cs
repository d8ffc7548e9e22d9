using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// Resize and Upsample: output dims are the sizes input when given, else floor(dim · scale). Scales are
/// Upsample's attribute before opset 9 and input 1 after; Resize takes (X, scales) in opset 10 and
/// (X, roi, scales, sizes) from 11, where an empty name or an empty tensor means absent.
/// </summary>
internal sealed class ResizeShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Resize", "Upsample" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var shape = context.RequireShape(0);
        bool upsample = context.Node.OpType == "Upsample";
        var axes = context.Opset >= 18 && context.Attributes.GetInts("axes") is { Length: > 0 } given
            ? ShapeMath.Axes(context, given, shape.Rank)
            : Enumerable.Range(0, shape.Rank).ToArray();
        double[]? scales;
        long[]? sizes = null;
        if (upsample && context.Opset < 9)
        {
            scales = context.Attributes.GetFloats("scales")?.Select(f => (double)f).ToArray();
        }
        else if (upsample || context.Opset < 11)
        {
            scales = Present(context, 1)?.ToReals();
        }
        else
        {
            scales = Present(context, 2)?.ToReals();
            sizes = Present(context, 3)?.ToIntegers();
        }

        var dims = shape.ToArray();
        if (sizes is not null)
        {
            Resize(context, dims, axes, sizes);
        }
        else if (scales is not null)
        {
            Scale(context, dims, axes, scales);
        }
        else
        {
            throw context.Invalid("neither scales nor sizes are given");
        }

        context.SetOutput(0, type.ElementType, new TensorShape(dims));
    }

    /// <summary>An optional input's value: null when absent or empty; unknown values stop the rule.</summary>
    private static TensorValue? Present(ShapeContext context, int index)
    {
        if (!context.HasInput(index) || context.InputType(index)?.ElementCount == 0)
        {
            return null;
        }

        var value = context.RequireValue(index);
        return value.Length == 0 ? null : value;
    }

    private static void Scale(ShapeContext context, Dim[] dims, int[] axes, double[] scales)
    {
        if (scales.Length != axes.Length)
        {
            throw context.Invalid($"{scales.Length} scales for {axes.Length} dims");
        }

        for (int i = 0; i < axes.Length; i++)
        {
            var d = dims[axes[i]];
            if (scales[i] <= 0)
            {
                throw context.Invalid($"scale {scales[i]} must be positive");
            }

            dims[axes[i]] = d.IsKnown ? Dim.Of(checked((long)Math.Floor(d.Value * scales[i]))) : scales[i] == 1 ? d : context.NewDim("resize");
        }
    }

    private static void Resize(ShapeContext context, Dim[] dims, int[] axes, long[] sizes)
    {
        if (sizes.Length != axes.Length)
        {
            throw context.Invalid($"{sizes.Length} sizes for {axes.Length} dims");
        }

        var policy = context.Opset >= 18 ? context.Attributes.GetString("keep_aspect_ratio_policy", "stretch") : "stretch";
        if (policy == "stretch")
        {
            for (int i = 0; i < axes.Length; i++)
            {
                dims[axes[i]] = ShapeMath.Known(context, new[] { sizes[i] })[0];
            }

            return;
        }

        // Keeping the aspect ratio: one scale for all axes, the smallest (not_larger) or largest (not_smaller).
        var ratios = axes.Select((a, i) => dims[a].IsKnown ? (double)sizes[i] / dims[a].Value : throw new ShapeInferenceException("a resized dim is unknown")).ToList();
        double scale = policy == "not_larger" ? ratios.Min() : ratios.Max();
        foreach (var a in axes)
        {
            dims[a] = Dim.Of((long)Math.Round(scale * dims[a].Value, MidpointRounding.AwayFromZero));
        }
    }
}
