using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// Slice: starts, ends and axes are attributes before opset 10 and inputs (with steps) from it.
/// Negative positions count from the end; positions past either end are clamped.
/// </summary>
internal sealed class SliceShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Slice" };

    public void Infer(ShapeContext context)
    {
        var shape = context.RequireShape(0);
        bool inputs = context.Opset >= 10;
        var starts = inputs ? context.RequireValue(1).ToIntegers() : context.Attributes.GetInts("starts") ?? throw context.Invalid("starts is required");
        var ends = inputs ? context.RequireValue(2).ToIntegers() : context.Attributes.GetInts("ends") ?? throw context.Invalid("ends is required");
        var axes = (inputs ? (context.HasInput(3) ? context.RequireValue(3).ToIntegers() : null) : context.Attributes.GetInts("axes"))
            ?? Enumerable.Range(0, starts.Length).Select(i => (long)i).ToArray();
        var steps = inputs && context.HasInput(4) ? context.RequireValue(4).ToIntegers() : Enumerable.Repeat(1L, starts.Length).ToArray();
        if (ends.Length != starts.Length || axes.Length != starts.Length || steps.Length != starts.Length)
        {
            throw context.Invalid("starts, ends, axes and steps differ in length");
        }

        var dims = shape.ToArray();
        var first = new long[shape.Rank];
        var step = Enumerable.Repeat(1L, shape.Rank).ToArray();
        var normalized = ShapeMath.Axes(context, axes, shape.Rank);
        for (int i = 0; i < normalized.Length; i++)
        {
            int axis = normalized[i];
            if (steps[i] == 0)
            {
                throw context.Invalid("a step is 0");
            }

            step[axis] = steps[i];
            if (!dims[axis].IsKnown)
            {
                bool whole = starts[i] == 0 && steps[i] == 1 && ends[i] >= int.MaxValue;
                dims[axis] = whole ? dims[axis] : context.NewDim("slice");
                continue;
            }

            (first[axis], long count) = Range(dims[axis].Value, starts[i], ends[i], steps[i]);
            dims[axis] = Dim.Of(count);
        }

        var output = new TensorShape(dims);
        var value = context.InputValue(0) is { } v ? Take(v, first, step, output.ToSizes()) : null;
        context.SetOutput(0, context.RequireType(0).ElementType, output, value);
    }

    /// <summary>The first position and the element count of a slice of one dim.</summary>
    public static (long First, long Count) Range(long size, long start, long end, long step)
    {
        if (size == 0)
        {
            return (0, 0);
        }

        start = start < 0 ? start + size : start;
        end = end < 0 ? end + size : end;
        if (step > 0)
        {
            start = Math.Clamp(start, 0, size);
            end = Math.Clamp(end, 0, size);
            return (start, end > start ? ((end - start - 1) / step) + 1 : 0);
        }

        start = Math.Clamp(start, 0, size - 1);
        end = Math.Clamp(end, -1, size - 1);
        return (start, start > end ? ((start - end - 1) / -step) + 1 : 0);
    }

    /// <summary>Elements first[k] + i*step[k] of a known value.</summary>
    public static TensorValue? Take(TensorValue value, long[] first, long[] step, long[] dims)
    {
        var strides = ValueMath.Strides(value.Dims);
        return ValueMath.Select(value.ElementType, dims, new[] { value },
            index => (0, index.Select((x, k) => (first[k] + (x * step[k])) * strides[k]).Sum()));
    }
}
