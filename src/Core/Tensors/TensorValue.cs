namespace EfficiencyMisnomer.Tensors;

/// <summary>
/// The contents of a small tensor known before run time: initializers and Constant nodes of a few
/// elements, and values that shape inference computes from them (Shape, Gather, Concat, ...).
/// Integers and booleans are held as <see cref="long"/>, floating-point values as <see cref="double"/>.
/// </summary>
public sealed class TensorValue
{
    /// <summary>Largest tensor whose values are propagated; bigger ones are data, not shape arithmetic.</summary>
    public const int MaxElements = 4096;

    private TensorValue(ElementType elementType, long[] dims, long[]? integers, double[]? reals)
    {
        ElementType = elementType;
        Dims = dims;
        Integers = integers;
        Reals = reals;
    }

    public ElementType ElementType { get; }

    public IReadOnlyList<long> Dims { get; }

    /// <summary>Values of integer and boolean tensors, row-major.</summary>
    public long[]? Integers { get; }

    /// <summary>Values of floating-point tensors, row-major.</summary>
    public double[]? Reals { get; }

    public int Length => Integers?.Length ?? Reals!.Length;

    public bool IsInteger => Integers is not null;

    public TensorShape Shape => TensorShape.Of(Dims.ToArray());

    public TensorType Type => new(ElementType, Shape);

    public static TensorValue FromIntegers(ElementType type, long[] dims, long[] values) =>
        new(type, dims, values, null);

    public static TensorValue FromReals(ElementType type, long[] dims, double[] values) =>
        new(type, dims, null, values);

    public static TensorValue Vector(params long[] values) =>
        FromIntegers(ElementType.Int64, new long[] { values.Length }, values);

    public static TensorValue Scalar(long value, ElementType type = ElementType.Int64) =>
        FromIntegers(type, Array.Empty<long>(), new[] { value });

    /// <summary>The value at a flat index as a double, whatever the storage.</summary>
    public double RealAt(int index) => Integers is not null ? Integers[index] : Reals![index];

    /// <summary>The value at a flat index as an integer (floating-point values truncated toward zero).</summary>
    public long IntegerAt(int index) => Integers is not null ? Integers[index] : (long)Reals![index];

    public long[] ToIntegers() => Integers ?? Reals!.Select(r => (long)r).ToArray();

    public double[] ToReals() => Reals ?? Integers!.Select(i => (double)i).ToArray();

    public override string ToString() =>
        $"{ElementType.OnnxName()}{Shape} {{{string.Join(", ", Enumerable.Range(0, Math.Min(Length, 8)).Select(i => RealAt(i)))}{(Length > 8 ? ", ..." : "")}}}";
}
