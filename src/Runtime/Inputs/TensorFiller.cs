using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyMisnomer.Runtime.Inputs;

/// <summary>
/// Makes one input tensor of a bound type, filled as its <see cref="InputFill"/> says (chosen by <see cref="InputPlanner"/>):
/// given values, seeded values in a range, a data file, position ids, or seeded random values (floats in [-1, 1),
/// integers in the token range, booleans and bytes uniformly). The managed array is pinned by the <see cref="OrtValue"/>
/// for its lifetime, so the timed loop reads it without copying or allocating.
/// </summary>
internal static class TensorFiller
{
    private static readonly System.Text.CompositeFormat Unsupported = System.Text.CompositeFormat.Parse("input '{0}' has element type {1}, which generated inputs do not support (float, float16, double, integers of 8 to 64 bits, bool); bind a model with supported inputs");
    private static readonly System.Text.CompositeFormat WrongCount = System.Text.CompositeFormat.Parse("input '{0}' has {1} element(s) at its bound shape, but {2} value(s) are given for it; give one value or one per element");
    private static readonly System.Text.CompositeFormat Unbound = System.Text.CompositeFormat.Parse("input '{0}' has shape {1} with unbound dimension '{2}'; give it a size under the spec's bind (e.g. bind: {{ {2}: 16 }})");

    public static OrtValue Create(string name, TensorType type, InputFill fill, InputOptions options, Random random)
    {
        var shape = Sizes(name, type);
        // Refuses an element count no array holds (a coded error, not an overflow) before anything is allocated.
        MemoryGuard.Bytes(name, type);
        var count = (int)shape.Aggregate(1L, (a, b) => a * b);
        var next = Values(name, type, shape, count, fill, options, random);
        return type.ElementType switch
        {
            ElementType.Float => Tensor(count, shape, i => (float)next(i)),
            ElementType.Double => Tensor(count, shape, next),
            ElementType.Float16 => Tensor(count, shape, i => (Float16)(float)next(i)),
            ElementType.Int64 => Tensor(count, shape, i => (long)next(i)),
            ElementType.Int32 => Tensor(count, shape, i => (int)next(i)),
            ElementType.Int16 => Tensor(count, shape, i => (short)next(i)),
            ElementType.Int8 => Tensor(count, shape, i => (sbyte)next(i)),
            ElementType.UInt16 => Tensor(count, shape, i => (ushort)next(i)),
            ElementType.UInt32 => Tensor(count, shape, i => (uint)next(i)),
            ElementType.UInt64 => Tensor(count, shape, i => (ulong)next(i)),
            ElementType.Bool => Tensor(count, shape, i => next(i) != 0),
            ElementType.UInt8 => Tensor(count, shape, i => (byte)next(i)),
            _ => throw new EfficiencyException(ErrorCodes.InputNotGenerated,
                UserText.Format(Unsupported, name, type.ElementType.OnnxName())),
        };
    }

    /// <summary>The value of each element by its flat index, as the fill says; random fills draw in index order.</summary>
    private static Func<int, double> Values(string name, TensorType type, long[] shape, int count, InputFill fill, InputOptions options, Random random)
    {
        var integer = type.ElementType is not (ElementType.Float or ElementType.Double or ElementType.Float16);
        switch (fill.Kind)
        {
            case InputFillKind.Constant:
                var given = fill.Values ?? new[] { 0d };
                if (given.Count != 1 && given.Count != count)
                {
                    throw new EfficiencyException(ErrorCodes.InputNotGenerated, UserText.Format(WrongCount, name, count, given.Count));
                }

                return given.Count == 1 ? _ => given[0] : i => given[i];
            case InputFillKind.Range when integer:
                var (low, high) = ((long)Math.Ceiling(fill.Low), (long)Math.Floor(fill.High));
                return _ => random.NextInt64(low, high + 1);
            case InputFillKind.Range:
                return _ => fill.Low + (random.NextDouble() * (fill.High - fill.Low));
            case InputFillKind.File:
                var data = InputData.Read(fill.File!, name);
                if (data.Length != count)
                {
                    throw new EfficiencyException(ErrorCodes.InputNotGenerated, UserText.Format(WrongCount, name, count, data.Length));
                }

                return data.RealAt;
            case InputFillKind.Positions:
                var length = shape.Length == 0 ? 1 : shape[^1];
                return i => length == 0 ? 0 : i % length;
            default:
                return type.ElementType switch
                {
                    ElementType.Bool => _ => random.Next(2),
                    ElementType.UInt8 => _ => random.Next(256),
                    _ when integer => _ => random.NextInt64(options.TokenMin, options.TokenMax),
                    _ => _ => (random.NextDouble() * 2) - 1,
                };
        }
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
                UserText.Format(Unbound, name, shape, symbol));
        }

        return shape.ToSizes();
    }

    private static OrtValue Tensor<T>(int count, long[] shape, Func<int, T> next)
        where T : unmanaged
    {
        var data = new T[count];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = next(i);
        }

        return OrtValue.CreateTensorValueFromMemory(data, shape);
    }
}
