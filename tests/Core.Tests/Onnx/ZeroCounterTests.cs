using System.Runtime.InteropServices;
using EfficiencyMisnomer.Onnx;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Tests.Onnx;

public sealed class ZeroCounterTests
{
    [Test]
    public void Float32_counts_positive_and_negative_zero_only()
    {
        Assert.That(Zeros(ElementType.Float, new[] { 0f, -0f, 1f, float.Epsilon, -float.Epsilon, float.NaN, 0f }), Is.EqualTo(3));
    }

    [Test]
    public void Double_counts_positive_and_negative_zero_only()
    {
        Assert.That(Zeros(ElementType.Double, new[] { 0d, -0d, double.Epsilon, 2d }), Is.EqualTo(2));
    }

    [Test]
    public void Float16_and_bfloat16_count_both_zero_bit_patterns([Values(ElementType.Float16, ElementType.BFloat16)] ElementType type)
    {
        // +0, −0, the smallest subnormal, 1.0 in float16 (0x3C00) and bfloat16 (0x3F80), and −(smallest subnormal).
        Assert.That(Zeros(type, new ushort[] { 0x0000, 0x8000, 0x0001, 0x3C00, 0x3F80, 0x8001 }), Is.EqualTo(2));
    }

    [Test]
    public void Integers_count_exact_zeros()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Zeros(ElementType.Int8, new sbyte[] { 0, -128, 1, 0 }), Is.EqualTo(2));
            Assert.That(Zeros(ElementType.UInt8, new byte[] { 0, 0x80, 255 }), Is.EqualTo(1));
            Assert.That(Zeros(ElementType.Int16, new short[] { 0, short.MinValue, 0 }), Is.EqualTo(2));
            Assert.That(Zeros(ElementType.Int32, new[] { 0, int.MinValue, -1 }), Is.EqualTo(1));
            Assert.That(Zeros(ElementType.Int64, new[] { 0L, long.MinValue, 0L }), Is.EqualTo(2));
        });
    }

    [Test]
    public void Float8_formats_with_a_nan_at_0x80_count_only_0x00()
    {
        var bytes = new byte[] { 0x00, 0x80, 0x01 };
        Assert.Multiple(() =>
        {
            Assert.That(Zeros(ElementType.Float8E4M3FN, bytes), Is.EqualTo(2));
            Assert.That(Zeros(ElementType.Float8E5M2, bytes), Is.EqualTo(2));
            Assert.That(Zeros(ElementType.Float8E4M3FNUZ, bytes), Is.EqualTo(1));
            Assert.That(Zeros(ElementType.Float8E5M2FNUZ, bytes), Is.EqualTo(1));
            Assert.That(Zeros(ElementType.Float8E8M0, bytes), Is.Zero);
        });
    }

    [Test]
    public void Four_bit_types_count_nibbles_and_ignore_the_padding_nibble()
    {
        // Five elements, low nibble first: 0, 8, | 1, 0, | 0 (then a padding nibble that is not an element).
        var packed = new byte[] { 0x80, 0x01, 0x00 };
        Assert.Multiple(() =>
        {
            Assert.That(Zeros(ElementType.Int4, packed, 5), Is.EqualTo(3));
            Assert.That(Zeros(ElementType.UInt4, packed, 5), Is.EqualTo(3));
            Assert.That(Zeros(ElementType.Float4E2M1, packed, 5), Is.EqualTo(4));
        });
    }

    [Test]
    public void Chunks_accumulate()
    {
        var counter = new ZeroCounter(ElementType.Float, 4);
        counter.Add(MemoryMarshal.AsBytes(new[] { 0f, 1f }.AsSpan()));
        counter.Add(MemoryMarshal.AsBytes(new[] { -0f, 0f }.AsSpan()));
        Assert.That((counter.Zeros, counter.Elements), Is.EqualTo((3L, 4L)));
    }

    private static long Zeros<T>(ElementType type, T[] values, long? elements = null)
        where T : unmanaged
    {
        var counter = new ZeroCounter(type, elements ?? values.Length);
        counter.Add(MemoryMarshal.AsBytes(values.AsSpan()));
        return counter.Zeros;
    }
}
