using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// MaxUnpool (opset 9, 11, 22), MaxPool's partial inverse: X and its indices I (N, C, D1..Dk) give (N, C, O1..Ok)
/// in X's type, <c>Oi = (Di − 1) · stride + kernel − pad_begin − pad_end</c>, or the <c>output_shape</c> input
/// when present, whose value must then be known.
/// </summary>
internal sealed class MaxUnpoolShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "MaxUnpool" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var x = context.RequireShape(0);
        var spatial = x.Rank - 2;
        var kernel = context.Attributes.GetInts("kernel_shape");
        if (spatial < 1 || kernel is null || kernel.Length != spatial || kernel.Any(k => k < 1))
        {
            throw context.Invalid($"expects X (N, C, D1..Dk) and a positive kernel_shape of k values; got {x} and [{string.Join(", ", kernel ?? Array.Empty<long>())}]");
        }

        if (context.InputType(1)?.Shape is { } indices && (indices.Rank != x.Rank || Enumerable.Range(0, x.Rank).Any(i => ShapeMath.Differ(indices[i], x[i]))))
        {
            throw context.Invalid($"indices {indices} must have X's shape {x}");
        }

        if (context.HasInput(2))
        {
            var sizes = ShapeMath.Sizes(context, context.RequireValue(2), "output_shape");
            if (sizes.Length != x.Rank)
            {
                throw context.Invalid($"output_shape [{string.Join(", ", sizes)}] does not have X's rank {x.Rank}");
            }

            context.SetOutput(0, type.ElementType, ShapeMath.Known(context, sizes));
            return;
        }

        var strides = WindowMath.Ints(context, "strides", spatial, 1);
        var pads = WindowMath.Ints(context, "pads", 2 * spatial, 0);
        var dims = new Dim[x.Rank];
        dims[0] = x[0];
        dims[1] = x[1];
        for (int i = 0; i < spatial; i++)
        {
            var d = x[i + 2];
            if (!d.IsKnown)
            {
                dims[i + 2] = context.NewDim("unpooled");
                continue;
            }

            var size = checked(((d.Value - 1) * strides[i]) + kernel[i] - pads[i] - pads[i + spatial]);
            dims[i + 2] = size >= 1 ? Dim.Of(size) : throw context.Invalid($"spatial dim {i} of X {x} unpools to {size}");
        }

        context.SetOutput(0, type.ElementType, new TensorShape(dims));
    }
}
