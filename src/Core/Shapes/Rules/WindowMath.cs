using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Output sizes of sliding windows (convolution and pooling) from pads, strides, dilations and auto_pad.</summary>
internal static class WindowMath
{
    public static Dim[] Spatial(ShapeContext context, IReadOnlyList<Dim> input, IReadOnlyList<long> kernel, bool ceilMode)
    {
        int n = kernel.Count;
        if (input.Count != n)
        {
            throw context.Invalid($"the kernel has {n} spatial dims but the input has {input.Count}");
        }

        var strides = Ints(context, "strides", n, 1);
        var dilations = Ints(context, "dilations", n, 1);
        var pads = Ints(context, "pads", 2 * n, 0);
        var autoPad = context.Attributes.GetString("auto_pad", "NOTSET");
        var output = new Dim[n];
        for (int i = 0; i < n; i++)
        {
            if (strides[i] <= 0 || dilations[i] <= 0 || kernel[i] <= 0)
            {
                throw context.Invalid("kernel sizes, strides and dilations must be positive");
            }

            if (!input[i].IsKnown)
            {
                output[i] = context.NewDim("spatial");
                continue;
            }

            long size = input[i].Value;
            long window = checked(((kernel[i] - 1) * dilations[i]) + 1);
            output[i] = autoPad switch
            {
                "SAME_UPPER" or "SAME_LOWER" => Divide(size, strides[i], ceiling: true),
                "VALID" => Slide(context, size, 0, 0, window, strides[i], ceilMode),
                "NOTSET" or "" => Slide(context, size, pads[i], pads[i + n], window, strides[i], ceilMode),
                _ => throw context.Invalid($"auto_pad '{UserText.Quote(autoPad)}' is not one of NOTSET, SAME_UPPER, SAME_LOWER, VALID"),
            };
        }

        return output;
    }

    /// <summary>Window positions over a padded extent; with ceil_mode the last window must start inside the input or its leading pad.</summary>
    private static long Slide(ShapeContext context, long size, long padBegin, long padEnd, long window, long stride, bool ceilMode)
    {
        long padded = checked(size + padBegin + padEnd);
        if (padded < window)
        {
            throw context.Invalid($"the window ({window}) is larger than the padded input ({padded})");
        }

        long count = Divide(padded - window, stride, ceilMode) + 1;
        if (ceilMode && (count - 1) * stride >= size + padBegin)
        {
            count--;
        }

        return count;
    }

    public static long Divide(long a, long b, bool ceiling) => ceiling ? (a + b - 1) / b : a / b;

    public static long[] Ints(ShapeContext context, string name, int count, long fallback)
    {
        var values = context.Attributes.GetInts(name);
        if (values is null || values.Length == 0)
        {
            return Enumerable.Repeat(fallback, count).ToArray();
        }

        return values.Length == count ? values : throw context.Invalid($"'{name}' has {values.Length} values, expected {count}");
    }
}
