namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>Shape arithmetic shared by the cost rules: kernel products and multidirectional broadcasting.</summary>
internal static class DimArithmetic
{
    /// <summary>The product of <paramref name="dims"/> from index <paramref name="from"/> on (1 for none).</summary>
    public static long Product(IReadOnlyList<long> dims, int from = 0)
    {
        long product = 1;
        for (int i = from; i < dims.Count; i++)
        {
            product = checked(product * dims[i]);
        }

        return product;
    }

    /// <summary>Numpy-style broadcast of two shapes, aligned on the right; a size of 1 stretches.</summary>
    public static long[] Broadcast(IReadOnlyList<long> a, IReadOnlyList<long> b)
    {
        var rank = Math.Max(a.Count, b.Count);
        var result = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            var x = i < rank - a.Count ? 1 : a[i - (rank - a.Count)];
            var y = i < rank - b.Count ? 1 : b[i - (rank - b.Count)];
            result[i] = x == 1 ? y : x;
        }

        return result;
    }

    /// <summary>The smallest n with 2^n at least <paramref name="value"/>, and at least 1.</summary>
    public static int Log2Ceiling(long value)
    {
        int bits = 1;
        while (bits < 63 && (1L << bits) < value)
        {
            bits++;
        }

        return bits;
    }
}
