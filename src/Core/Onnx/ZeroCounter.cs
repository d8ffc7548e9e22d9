using System.Runtime.InteropServices;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Onnx;

/// <summary>
/// Counts the elements of one tensor that are exactly zero, fed chunk by chunk in the little-endian
/// layout of <c>raw_data</c>. Floating-point zeros are +0 and −0 (the formats that have a negative
/// zero); integers are zero when every bit is. Chunks must hold whole elements (whole bytes for
/// 4-bit types, two elements per byte, low nibble first).
/// </summary>
internal sealed class ZeroCounter
{
    private readonly ElementType type;
    private readonly long expected;

    public ZeroCounter(ElementType type, long elements)
    {
        if (!IsSupported(type))
        {
            throw new NotSupportedException($"Counting zeros of {type.OnnxName()} tensors is not supported.");
        }

        this.type = type;
        expected = elements;
    }

    public long Zeros { get; private set; }

    /// <summary>Elements seen so far.</summary>
    public long Elements { get; private set; }

    public static bool IsSupported(ElementType type) =>
        type.IsFloatingPoint() || type.IsInteger() || type == ElementType.Bool;

    public void Add(ReadOnlySpan<byte> chunk)
    {
        switch (type.BitSize())
        {
            case 64:
                Count(MemoryMarshal.Cast<byte, ulong>(chunk), 0x8000_0000_0000_0000UL, type == ElementType.Double);
                break;
            case 32:
                Count(MemoryMarshal.Cast<byte, uint>(chunk), 0x8000_0000U, type == ElementType.Float);
                break;
            case 16:
                Count(MemoryMarshal.Cast<byte, ushort>(chunk), (ushort)0x8000, type is ElementType.Float16 or ElementType.BFloat16);
                break;
            case 8:
                Count(chunk, (byte)0x80, HasNegativeZero8(type));
                break;
            default:
                CountNibbles(chunk);
                break;
        }
    }

    /// <summary>The FNUZ float8 formats use 0x80 for NaN, and E8M0 (exponents only) has no zero at all.</summary>
    private static bool HasNegativeZero8(ElementType type) => type is ElementType.Float8E4M3FN or ElementType.Float8E5M2;

    private void Count<T>(ReadOnlySpan<T> values, T negativeZeroLittleEndian, bool hasNegativeZero)
        where T : unmanaged, IEquatable<T>
    {
        long zeros = type == ElementType.Float8E8M0 ? 0 : values.Count(default(T));
        if (hasNegativeZero)
        {
            zeros += values.Count(BitConverter.IsLittleEndian ? negativeZeroLittleEndian : Swap(negativeZeroLittleEndian));
        }

        Zeros += zeros;
        Elements += values.Length;
    }

    private void CountNibbles(ReadOnlySpan<byte> packed)
    {
        // Float4E2M1 has −0 as 0b1000; the integer 4-bit types have a single zero.
        var negativeZero = type == ElementType.Float4E2M1 ? 0x8 : 0x0;
        foreach (var b in packed)
        {
            for (int shift = 0; shift <= 4 && Elements < expected; shift += 4)
            {
                var nibble = (b >> shift) & 0xF;
                if (nibble == 0 || nibble == negativeZero)
                {
                    Zeros++;
                }

                Elements++;
            }
        }
    }

    private static T Swap<T>(T value)
        where T : unmanaged
    {
        Span<T> one = stackalloc T[1];
        one[0] = value;
        MemoryMarshal.AsBytes(one).Reverse();
        return one[0];
    }
}
