using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Onnx;
using EfficiencyMisnomer.Shapes;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyMisnomer.Runtime.Inputs;

/// <summary>
/// Makes one input tensor of a bound type, filled with seeded values: floats in [-1, 1), integers in the
/// token range, booleans and bytes uniformly. Inputs named as attention masks are all ones (no padding) and
/// token type ids all zeros, as a real batch would have them: random values there are out of range for the
/// segment embedding and meaningless as a mask. The managed array is pinned by the <see cref="OrtValue"/>
/// for its lifetime, so the timed loop reads it without copying or allocating.
/// </summary>
internal static class TensorFiller
{
    private static readonly System.Text.CompositeFormat Unsupported = System.Text.CompositeFormat.Parse("input '{0}' has element type {1}, which generated inputs do not support (float, float16, double, int32, int64, bool, uint8); bind a model with supported inputs");
    private static readonly System.Text.CompositeFormat Unbound = System.Text.CompositeFormat.Parse("input '{0}' has shape {1} with unbound dimension '{2}'; give it a size under the spec's bind (e.g. bind: {{ {2}: 16 }})");

    public static OrtValue Create(string name, TensorType type, InputOptions options, Random random)
    {
        var shape = Sizes(name, type);
        // Refuses an element count no array holds (a coded error, not an overflow) before anything is allocated.
        MemoryGuard.Bytes(name, type);
        var count = (int)shape.Aggregate(1L, (a, b) => a * b);
        var role = InputRoles.Of(name);
        return type.ElementType switch
        {
            ElementType.Float => Tensor(count, shape, () => (float)((random.NextDouble() * 2) - 1)),
            ElementType.Double => Tensor(count, shape, () => (random.NextDouble() * 2) - 1),
            ElementType.Float16 => Tensor(count, shape, () => (Float16)(float)((random.NextDouble() * 2) - 1)),
            ElementType.Int64 => Tensor(count, shape, () => role switch
            {
                InputRole.Mask => 1L,
                InputRole.TokenType => 0L,
                _ => random.NextInt64(options.TokenMin, options.TokenMax),
            }),
            ElementType.Int32 => Tensor(count, shape, () => role switch
            {
                InputRole.Mask => 1,
                InputRole.TokenType => 0,
                _ => (int)random.NextInt64(Math.Max(options.TokenMin, int.MinValue), Math.Min(options.TokenMax, int.MaxValue)),
            }),
            ElementType.Bool => Tensor(count, shape, () => role == InputRole.Mask || random.Next(2) == 1),
            ElementType.UInt8 => Tensor(count, shape, () => (byte)random.Next(256)),
            _ => throw new EfficiencyException(ErrorCodes.InputNotGenerated,
                string.Format(System.Globalization.CultureInfo.InvariantCulture, Unsupported, name, type.ElementType.OnnxName())),
        };
    }

    /// <summary>The concrete sizes; a dimension left symbolic by the bindings is a coded error, not a crash.</summary>
    private static long[] Sizes(string name, TensorType type)
    {
        if (type.Shape is not { } shape)
        {
            return Array.Empty<long>();
        }

        if (shape.Where(d => !d.IsKnown).Select(d => d.Symbol).FirstOrDefault() is { } symbol)
        {
            throw new EfficiencyException(ErrorCodes.InputNotGenerated,
                string.Format(System.Globalization.CultureInfo.InvariantCulture, Unbound, name, shape, symbol));
        }

        return shape.ToSizes();
    }

    private static OrtValue Tensor<T>(int count, long[] shape, Func<T> next)
        where T : unmanaged
    {
        var data = new T[count];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = next();
        }

        return OrtValue.CreateTensorValueFromMemory(data, shape);
    }
}
