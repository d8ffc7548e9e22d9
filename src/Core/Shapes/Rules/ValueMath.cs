using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// Computes small known tensors (shape arithmetic) the way the runtime would. Integer arithmetic wraps
/// like the runtime's instead of failing; every function returns null when the result would be too big
/// to propagate.
/// </summary>
internal static class ValueMath
{
    public static long Count(IReadOnlyList<long> dims) => dims.Aggregate(1L, (a, b) => checked(a * b));

    public static bool Fits(IReadOnlyList<long> dims) => Count(dims) <= TensorValue.MaxElements;

    public static long[] Strides(IReadOnlyList<long> dims)
    {
        var strides = new long[dims.Count];
        long stride = 1;
        for (int i = dims.Count - 1; i >= 0; i--)
        {
            strides[i] = stride;
            stride *= dims[i];
        }

        return strides;
    }

    /// <summary>A value of the given type whose elements come from integer or real functions of the flat index.</summary>
    public static TensorValue Create(ElementType type, long[] dims, Func<int, long> integer, Func<int, double> real)
    {
        int count = (int)Count(dims);
        if (ShapeMath.IsIntegral(type))
        {
            var values = new long[count];
            for (int i = 0; i < count; i++)
            {
                values[i] = type == ElementType.Bool ? (integer(i) != 0 ? 1 : 0) : integer(i);
            }

            return TensorValue.FromIntegers(type, dims, values);
        }

        var reals = new double[count];
        for (int i = 0; i < count; i++)
        {
            reals[i] = real(i);
        }

        return TensorValue.FromReals(type, dims, reals);
    }

    public static TensorValue Reshape(TensorValue value, long[] dims) => value.Integers is { } ints
        ? TensorValue.FromIntegers(value.ElementType, dims, ints)
        : TensorValue.FromReals(value.ElementType, dims, value.Reals!);

    /// <summary>Elementwise map; integer storage uses <paramref name="integer"/>, real storage <paramref name="real"/>.</summary>
    public static TensorValue? Map(TensorValue? value, Func<long, long>? integer, Func<double, double>? real)
    {
        if (value is null || (value.IsInteger ? integer is null : real is null))
        {
            return null;
        }

        var dims = value.Dims.ToArray();
        return value.IsInteger
            ? TensorValue.FromIntegers(value.ElementType, dims, value.Integers!.Select(integer!).ToArray())
            : TensorValue.FromReals(value.ElementType, dims, value.Reals!.Select(real!).ToArray());
    }

    /// <summary>
    /// Rearranges elements of one or more sources into a new tensor: <paramref name="map"/> names, for each
    /// output index, the source and the flat index in it (Transpose, Slice, Gather, Concat, Tile, Expand).
    /// </summary>
    public static TensorValue? Select(ElementType type, long[] dims, IReadOnlyList<TensorValue> sources,
        Func<long[], (int Source, long Index)> map)
    {
        if (!Fits(dims))
        {
            return null;
        }

        var picks = new (int Source, long Index)[Count(dims)];
        var index = new long[dims.Length];
        for (int flat = 0; flat < picks.Length; flat++)
        {
            picks[flat] = map(index);
            Increment(index, dims);
        }

        return Create(type, dims,
            i => sources[picks[i].Source].IntegerAt((int)picks[i].Index),
            i => sources[picks[i].Source].RealAt((int)picks[i].Index));
    }

    /// <summary>
    /// Numpy-broadcast elementwise function of several values. Integer inputs use <paramref name="integer"/>
    /// when given; otherwise every input is read as real. The result is stored as <paramref name="type"/> requires.
    /// </summary>
    public static TensorValue? Broadcast(IReadOnlyList<TensorValue?> inputs, ElementType type,
        Func<long[], long>? integer, Func<double[], double>? real)
    {
        if (inputs.Any(v => v is null))
        {
            return null;
        }

        var values = inputs.Select(v => v!).ToList();
        int rank = values.Max(v => v.Dims.Count);
        var dims = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            dims[i] = 1;
            foreach (var v in values)
            {
                int k = i - (rank - v.Dims.Count);
                if (k >= 0 && v.Dims[k] != 1)
                {
                    dims[i] = dims[i] == 1 || dims[i] == v.Dims[k] ? v.Dims[k] : throw new ArgumentException("values do not broadcast");
                }
            }
        }

        if (!Fits(dims))
        {
            return null;
        }

        var offsets = values.Select(v => BroadcastOffsets(v.Dims, dims)).ToList();
        bool integral = integer is not null && values.All(v => v.IsInteger);
        if (!integral && real is null)
        {
            return null;
        }

        var ints = new long[values.Count];
        var reals = new double[values.Count];
        var longs = new long[offsets[0].Length];
        var doubles = new double[offsets[0].Length];
        for (int i = 0; i < longs.Length; i++)
        {
            for (int v = 0; v < values.Count; v++)
            {
                if (integral)
                {
                    ints[v] = values[v].Integers![offsets[v][i]];
                }
                else
                {
                    reals[v] = values[v].RealAt(offsets[v][i]);
                }
            }

            if (integral)
            {
                longs[i] = integer!(ints);
                doubles[i] = longs[i];
            }
            else
            {
                doubles[i] = real!(reals);
                longs[i] = double.IsNaN(doubles[i]) ? 0 : (long)doubles[i];
            }
        }

        return Create(type, dims, i => longs[i], i => doubles[i]);
    }

    /// <summary>For each element of a broadcast result, the flat index of the input element it reads.</summary>
    public static int[] BroadcastOffsets(IReadOnlyList<long> inputDims, long[] outputDims)
    {
        var strides = Strides(inputDims);
        var offsets = new int[Count(outputDims)];
        var index = new long[outputDims.Length];
        int shift = outputDims.Length - inputDims.Count;
        for (int flat = 0; flat < offsets.Length; flat++)
        {
            long offset = 0;
            for (int k = 0; k < inputDims.Count; k++)
            {
                offset += inputDims[k] == 1 ? 0 : index[k + shift] * strides[k];
            }

            offsets[flat] = (int)offset;
            Increment(index, outputDims);
        }

        return offsets;
    }

    /// <summary>Advances a row-major multi-index by one.</summary>
    public static void Increment(long[] index, IReadOnlyList<long> dims)
    {
        for (int k = index.Length - 1; k >= 0; k--)
        {
            if (++index[k] < dims[k])
            {
                return;
            }

            index[k] = 0;
        }
    }

    public static long Flat(long[] index, long[] strides)
    {
        long flat = 0;
        for (int k = 0; k < index.Length; k++)
        {
            flat += index[k] * strides[k];
        }

        return flat;
    }
}
