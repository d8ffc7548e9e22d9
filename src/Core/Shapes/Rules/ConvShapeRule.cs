using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Conv, ConvInteger and QLinearConv over any number of spatial dims: (N, C, D...) * (M, C/group, k...) gives (N, M, O...).</summary>
internal sealed class ConvShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Conv", "ConvInteger", "QLinearConv" };

    public void Infer(ShapeContext context)
    {
        bool quantized = context.Node.OpType == "QLinearConv";
        var x = context.RequireShape(0);
        var w = context.RequireShape(quantized ? 3 : 1);
        if (x.Rank < 3 || w.Rank != x.Rank)
        {
            throw context.Invalid($"input {x} and weight {w} must both be (N, C, spatial...) of the same rank");
        }

        long group = context.Attributes.GetInt("group", 1);
        if (group <= 0)
        {
            throw context.Invalid($"group {group} must be positive");
        }

        if (x[1].IsKnown && w[1].IsKnown && x[1].Value != checked(w[1].Value * group))
        {
            throw context.Invalid($"input has {x[1].Value} channels but the weight {w} with group {group} expects {w[1].Value * group}");
        }

        var kernel = Kernel(context, w);
        var spatial = WindowMath.Spatial(context, x.Skip(2).ToList(), kernel, ceilMode: false);
        var elementType = context.Node.OpType switch
        {
            "ConvInteger" => ElementType.Int32,
            "QLinearConv" => (context.InputType(7) ?? context.RequireType(0)).ElementType,
            _ => context.RequireType(0).ElementType,
        };
        context.SetOutput(0, elementType, new TensorShape(new[] { x[0], w[0] }.Concat(spatial)));
    }

    /// <summary>The kernel_shape attribute, or the weight's spatial dims.</summary>
    public static long[] Kernel(ShapeContext context, TensorShape weight)
    {
        var kernel = context.Attributes.GetInts("kernel_shape");
        if (kernel is { Length: > 0 })
        {
            return kernel.Length == weight.Rank - 2 ? kernel : throw context.Invalid($"kernel_shape has {kernel.Length} values for weight {weight}");
        }

        return weight.Skip(2).Select(d => d.IsKnown ? d.Value : throw new ShapeInferenceException("the kernel size is unknown")).ToArray();
    }
}
