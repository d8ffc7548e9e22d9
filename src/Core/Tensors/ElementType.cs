namespace EfficiencyMisnomer.Tensors;

/// <summary>ONNX tensor element types, numbered as in the ONNX specification.</summary>
public enum ElementType
{
    Undefined = 0,
    Float = 1,
    UInt8 = 2,
    Int8 = 3,
    UInt16 = 4,
    Int16 = 5,
    Int32 = 6,
    Int64 = 7,
    String = 8,
    Bool = 9,
    Float16 = 10,
    Double = 11,
    UInt32 = 12,
    UInt64 = 13,
    Complex64 = 14,
    Complex128 = 15,
    BFloat16 = 16,
    Float8E4M3FN = 17,
    Float8E4M3FNUZ = 18,
    Float8E5M2 = 19,
    Float8E5M2FNUZ = 20,
    UInt4 = 21,
    Int4 = 22,
    Float4E2M1 = 23,
    Float8E8M0 = 24,
}

/// <summary>Sizes and classes of <see cref="ElementType"/>.</summary>
public static class ElementTypes
{
    /// <summary>Storage bits of one element; strings count as a pointer-sized reference.</summary>
    public static int BitSize(this ElementType type) => type switch
    {
        ElementType.Float or ElementType.Int32 or ElementType.UInt32 => 32,
        ElementType.Double or ElementType.Int64 or ElementType.UInt64 or ElementType.Complex64 => 64,
        ElementType.Complex128 => 128,
        ElementType.Float16 or ElementType.BFloat16 or ElementType.Int16 or ElementType.UInt16 => 16,
        ElementType.UInt8 or ElementType.Int8 or ElementType.Bool or ElementType.Float8E4M3FN
            or ElementType.Float8E4M3FNUZ or ElementType.Float8E5M2 or ElementType.Float8E5M2FNUZ
            or ElementType.Float8E8M0 => 8,
        ElementType.UInt4 or ElementType.Int4 or ElementType.Float4E2M1 => 4,
        ElementType.String => 64,
        _ => 0,
    };

    /// <summary>Bytes taken by <paramref name="elements"/> elements, rounded up for sub-byte types.</summary>
    public static long ByteSize(this ElementType type, long elements) =>
        checked((elements * type.BitSize() + 7) / 8);

    public static bool IsFloatingPoint(this ElementType type) => type is ElementType.Float or ElementType.Double
        or ElementType.Float16 or ElementType.BFloat16 or ElementType.Float8E4M3FN or ElementType.Float8E4M3FNUZ
        or ElementType.Float8E5M2 or ElementType.Float8E5M2FNUZ or ElementType.Float4E2M1 or ElementType.Float8E8M0;

    public static bool IsInteger(this ElementType type) => type is ElementType.Int8 or ElementType.UInt8
        or ElementType.Int16 or ElementType.UInt16 or ElementType.Int32 or ElementType.UInt32
        or ElementType.Int64 or ElementType.UInt64 or ElementType.Int4 or ElementType.UInt4;

    /// <summary>The lower-case name ONNX uses in its operator documentation (<c>float</c>, <c>int64</c>).</summary>
    public static string OnnxName(this ElementType type) => type switch
    {
        ElementType.Float => "float",
        ElementType.Double => "double",
        ElementType.Float16 => "float16",
        ElementType.BFloat16 => "bfloat16",
        ElementType.Bool => "bool",
        ElementType.String => "string",
        _ => type.ToString().ToLowerInvariant(),
    };

    public static ElementType FromOnnx(int value) =>
        Enum.IsDefined(typeof(ElementType), value) ? (ElementType)value : ElementType.Undefined;
}
