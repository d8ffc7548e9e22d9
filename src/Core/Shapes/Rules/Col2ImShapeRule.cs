using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// Col2Im (opset 18), the inverse of an im2col: input (N, C · ∏block, L) is summed back into an image (N, C, image…)
/// whose spatial sizes are <c>image_shape</c>'s values. Each of the L columns is one position of the block sliding
/// over the padded image with <c>strides</c> and <c>dilations</c>, so L must be the product over the spatial dims of
/// (image + pad_begin + pad_end − dilation · (block − 1) − 1) / stride + 1.
/// </summary>
internal sealed class Col2ImShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Col2Im" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var input = context.RequireShape(0);
        if (input.Rank != 3)
        {
            throw context.Invalid($"input {input} must be (N, C · block elements, L)");
        }

        var image = ShapeMath.Sizes(context, context.RequireValue(1), "image_shape");
        var block = ShapeMath.Sizes(context, context.RequireValue(2), "block_shape");
        var spatial = image.Length;
        if (spatial == 0 || block.Length != spatial || image.Concat(block).Any(v => v < 1))
        {
            throw context.Invalid($"image_shape [{string.Join(", ", image)}] and block_shape [{string.Join(", ", block)}] must name the same spatial dims, each positive");
        }

        var strides = context.Attributes.GetInts("strides") ?? Enumerable.Repeat(1L, spatial).ToArray();
        var dilations = context.Attributes.GetInts("dilations") ?? Enumerable.Repeat(1L, spatial).ToArray();
        var pads = context.Attributes.GetInts("pads") ?? new long[2 * spatial];
        if (strides.Length != spatial || dilations.Length != spatial || pads.Length != 2 * spatial || strides.Concat(dilations).Any(v => v < 1) || pads.Any(p => p < 0))
        {
            throw context.Invalid($"strides, dilations and pads must give {spatial} positive strides and dilations and {2 * spatial} non-negative pads");
        }

        long columns = 1;
        for (var i = 0; i < spatial; i++)
        {
            var span = checked(image[i] + pads[i] + pads[i + spatial] - (dilations[i] * (block[i] - 1)) - 1);
            if (span < 0)
            {
                throw context.Invalid($"a block of {block[i]} (dilation {dilations[i]}) does not fit spatial dim {i} of {image[i]} padded by {pads[i]} and {pads[i + spatial]}");
            }

            columns = checked(columns * ((span / strides[i]) + 1));
        }

        var blockElements = block.Aggregate(1L, (a, b) => checked(a * b));
        if (input[1].IsKnown && input[1].Value % blockElements != 0)
        {
            throw context.Invalid($"input's {input[1].Value} rows are not a whole number of blocks of {blockElements}");
        }

        if (input[2].IsKnown && input[2].Value != columns)
        {
            throw context.Invalid($"input has {input[2].Value} columns where the block slides over {columns} positions");
        }

        var channels = input[1].IsKnown ? Dim.Of(input[1].Value / blockElements) : context.NewDim("channels");
        context.SetOutput(0, type.ElementType, new TensorShape(new[] { input[0], channels }.Concat(image.Select(Dim.Of))));
    }
}
