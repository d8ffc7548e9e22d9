using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// Split: sizes come from the split attribute (before opset 13) or input (from 13); without them the
/// axis splits evenly into the outputs, or into num_outputs parts with a smaller last one (opset 18).
/// </summary>
internal sealed class SplitShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Split" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var shape = context.RequireShape(0);
        int axis = ShapeMath.Axis(context, context.Attributes.GetInt("axis", 0), shape.Rank);
        var sizes = ShapeMath.AttributeOrInput(context, "split", 1, 13);
        var dim = shape[axis];
        if (sizes is null)
        {
            if (!dim.IsKnown)
            {
                for (int i = 0; i < context.OutputCount; i++)
                {
                    context.SetOutput(i, type.ElementType, ShapeMath.Replace(shape, axis, context.NewDim("split")));
                }

                return;
            }

            sizes = Even(context, dim.Value);
        }

        if (sizes.Length != context.OutputCount || sizes.Any(s => s < 0))
        {
            throw context.Invalid($"split sizes [{UserText.Quote(string.Join(", ", sizes))}] do not match {context.OutputCount} outputs");
        }

        if (dim.IsKnown && sizes.Sum() != dim.Value)
        {
            throw context.Invalid($"split sizes [{UserText.Quote(string.Join(", ", sizes))}] do not add up to dim {axis} of {shape}");
        }

        long start = 0;
        for (int i = 0; i < sizes.Length; i++)
        {
            var output = ShapeMath.Replace(shape, axis, Dim.Of(sizes[i]));
            TensorValue? value = null;
            if (context.InputValue(0) is { } v)
            {
                var first = new long[shape.Rank];
                first[axis] = start;
                value = SliceShapeRule.Take(v, first, Enumerable.Repeat(1L, shape.Rank).ToArray(), output.ToSizes());
            }

            context.SetOutput(i, type.ElementType, output, value);
            start += sizes[i];
        }
    }

    private static long[] Even(ShapeContext context, long size)
    {
        long? numOutputs = context.Opset >= 18 ? context.Attributes.GetIntOrNull("num_outputs") : null;
        long parts = numOutputs ?? context.OutputCount;
        if (parts <= 0)
        {
            throw context.Invalid("nothing to split into");
        }

        if (numOutputs is null)
        {
            return size % parts == 0 ? Enumerable.Repeat(size / parts, (int)parts).ToArray()
                : throw context.Invalid($"dim {size} does not split evenly into {parts} outputs");
        }

        long chunk = WindowMath.Divide(size, parts, ceiling: true);
        return Enumerable.Range(0, (int)parts).Select(i => Math.Clamp(size - (i * chunk), 0, chunk)).ToArray();
    }
}
