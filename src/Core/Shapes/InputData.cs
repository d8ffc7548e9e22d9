using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Files;
using EfficiencyMisnomer.Tensors;
using Google.Protobuf;

namespace EfficiencyMisnomer.Shapes;

/// <summary>
/// Reads the tensor a spec feeds to an input from a file: NumPy's <c>.npy</c> (format 1 to 3, C order, little-endian
/// numbers and booleans) or a serialized ONNX <c>TensorProto</c> (raw or typed data, what <c>onnx.numpy_helper.from_array</c>
/// writes). Anything else is <see cref="ErrorCodes.InputValueInvalid"/> naming the file and what is wrong, never an exception.
/// </summary>
public static partial class InputData
{
    private static readonly byte[] NpyMagic = { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' };

    /// <summary>The tensor in <paramref name="path"/>; <paramref name="input"/> names the input in messages.</summary>
    public static TensorValue Read(string path, string input)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = InputFile.ReadAllBytes(path, FileRole.InputData);
        try
        {
            return bytes.AsSpan().StartsWith(NpyMagic) ? ReadNpy(bytes) : ReadTensorProto(bytes);
        }
        catch (InvalidDataException e)
        {
            throw new EfficiencyException(ErrorCodes.InputValueInvalid,
                $"input '{UserText.Quote(input)}': the data file '{UserText.Quote(Path.GetFileName(path))}' cannot be read: {e.Message}",
                new SourceLocation(path));
        }
    }

    private static TensorValue ReadNpy(byte[] bytes)
    {
        if (bytes.Length < 10)
        {
            throw new InvalidDataException("the .npy header is cut short.");
        }

        int major = bytes[6];
        int headerLength, start;
        if (major == 1)
        {
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
            start = 10;
        }
        else if (major is 2 or 3 && bytes.Length >= 12)
        {
            var length = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
            headerLength = length <= int.MaxValue ? (int)length : int.MaxValue;
            start = 12;
        }
        else
        {
            throw new InvalidDataException($".npy format version {major} is not one of 1, 2 and 3.");
        }

        if (headerLength > bytes.Length - start)
        {
            throw new InvalidDataException("the .npy header is longer than the file.");
        }

        var header = Encoding.Latin1.GetString(bytes, start, headerLength);
        var descr = DescrPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!descr.Success || !shape.Success)
        {
            throw new InvalidDataException("the .npy header has no 'descr' or no 'shape'.");
        }

        if (FortranPattern().IsMatch(header))
        {
            throw new InvalidDataException("the array is in Fortran order; save it with numpy.ascontiguousarray first.");
        }

        var dims = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => long.TryParse(d.TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n : throw new InvalidDataException($"the .npy shape holds '{UserText.Quote(d, 20)}', not a size."))
            .ToArray();
        var (type, order) = NpyType(descr.Groups[1].Value);
        return Decode(bytes.AsSpan(start + headerLength), type, dims, order);
    }

    /// <summary>The element type of a NumPy <c>descr</c> (<c>&lt;f4</c>), and whether its bytes are little-endian.</summary>
    private static (ElementType Type, bool LittleEndian) NpyType(string descr)
    {
        var order = descr.Length > 0 ? descr[0] : ' ';
        var code = descr.Length > 1 ? descr[1..] : "";
        var type = code switch
        {
            "b1" => ElementType.Bool,
            "i1" => ElementType.Int8,
            "u1" => ElementType.UInt8,
            "i2" => ElementType.Int16,
            "u2" => ElementType.UInt16,
            "i4" => ElementType.Int32,
            "u4" => ElementType.UInt32,
            "i8" => ElementType.Int64,
            "u8" => ElementType.UInt64,
            "f2" => ElementType.Float16,
            "f4" => ElementType.Float,
            "f8" => ElementType.Double,
            _ => ElementType.Undefined,
        };
        if (type == ElementType.Undefined || order is not ('<' or '>' or '|' or '='))
        {
            throw new InvalidDataException($"the .npy element type '{UserText.Quote(descr, 20)}' is not a boolean, integer or floating-point number.");
        }

        return (type, order != '>' || !BitConverter.IsLittleEndian);
    }

    /// <summary>Reads the top-level fields of a TensorProto: dims (1), data_type (2), the typed data fields and raw_data (9).</summary>
    private static TensorValue ReadTensorProto(byte[] bytes)
    {
        var dims = new List<long>();
        int dataType = 0;
        ReadOnlyMemory<byte>? raw = null;
        var integers = new List<long>();
        var reals = new List<double>();
        try
        {
            var stream = new CodedInputStream(bytes);
            uint tag;
            while ((tag = stream.ReadTag()) != 0)
            {
                int field = WireFormat.GetTagFieldNumber(tag);
                bool packed = WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited;
                switch (field)
                {
                    case 1: Repeated(stream, packed, dims, s => s.ReadInt64()); break;
                    case 2: dataType = stream.ReadInt32(); break;
                    case 4: Repeated(stream, packed, reals, s => s.ReadFloat()); break;
                    case 5: Repeated(stream, packed, integers, s => s.ReadInt32()); break;
                    case 7: Repeated(stream, packed, integers, s => s.ReadInt64()); break;
                    case 9: raw = stream.ReadBytes().Memory; break;
                    case 10: Repeated(stream, packed, reals, s => s.ReadDouble()); break;
                    case 11: Repeated(stream, packed, integers, s => (long)s.ReadUInt64()); break;
                    default: stream.SkipLastField(); break;
                }
            }
        }
        catch (InvalidProtocolBufferException)
        {
            throw new InvalidDataException("it is neither a .npy file nor a serialized ONNX TensorProto.");
        }

        var type = dataType is > 0 and <= (int)ElementType.Float8E8M0 ? (ElementType)dataType : ElementType.Undefined;
        if (type is ElementType.Undefined or ElementType.String or ElementType.Complex64 or ElementType.Complex128 || type.BitSize() < 8)
        {
            throw new InvalidDataException(type == ElementType.Undefined
                ? "it is neither a .npy file nor a TensorProto with a data type."
                : $"its data type {type.OnnxName()} cannot be fed as an input here (numbers and booleans of 8 bits and more).");
        }

        if (raw is { } payload)
        {
            return Decode(payload.Span, type, dims.ToArray(), littleEndian: true);
        }

        var count = Count(dims.ToArray());
        if (type == ElementType.Float16 && integers.Count == count)
        {
            // float16 is stored as its bits in int32_data.
            return TensorValue.FromReals(type, dims.ToArray(), integers.Select(bits => (double)BitConverter.UInt16BitsToHalf((ushort)bits)).ToArray());
        }

        if (type.IsFloatingPoint() ? reals.Count != count : integers.Count != count)
        {
            throw new InvalidDataException($"it declares {count} elements but stores {(type.IsFloatingPoint() ? reals.Count : integers.Count)} values.");
        }

        return type.IsFloatingPoint()
            ? TensorValue.FromReals(type, dims.ToArray(), reals.ToArray())
            : TensorValue.FromIntegers(type, dims.ToArray(), integers.Select(v => type == ElementType.Bool ? (v != 0 ? 1L : 0L) : v).ToArray());
    }

    private static void Repeated<T>(CodedInputStream stream, bool packed, List<T> into, Func<CodedInputStream, T> read)
    {
        if (!packed)
        {
            into.Add(read(stream));
            return;
        }

        var length = stream.ReadLength();
        var end = stream.Position + length;
        while (stream.Position < end)
        {
            into.Add(read(stream));
        }
    }

    private static long Count(long[] dims)
    {
        if (dims.Length > TensorShape.MaxRank || dims.Any(d => d < 0))
        {
            throw new InvalidDataException($"its shape [{string.Join(", ", dims.Take(8))}] is not a tensor shape (negative or more than {TensorShape.MaxRank} dims).");
        }

        try
        {
            return dims.Aggregate(1L, (a, b) => checked(a * b));
        }
        catch (OverflowException)
        {
            throw new InvalidDataException("its element count overflows 64 bits.");
        }
    }

    private static TensorValue Decode(ReadOnlySpan<byte> data, ElementType type, long[] dims, bool littleEndian)
    {
        var count = Count(dims);
        var size = type.BitSize() / 8;
        if (count > int.MaxValue || data.Length != count * size)
        {
            throw new InvalidDataException($"its shape [{string.Join(", ", dims.Take(8))}] of {type.OnnxName()} needs {count * size} bytes of data, and it holds {data.Length}.");
        }

        var buffer = data.ToArray();
        if (!littleEndian && size > 1)
        {
            for (int i = 0; i < buffer.Length; i += size)
            {
                Array.Reverse(buffer, i, size);
            }
        }

        int n = (int)count;
        var span = buffer.AsSpan();
        if (type.IsFloatingPoint())
        {
            var reals = new double[n];
            for (int i = 0; i < n; i++)
            {
                reals[i] = type switch
                {
                    ElementType.Float16 => (double)BinaryPrimitives.ReadHalfLittleEndian(span[(i * 2)..]),
                    ElementType.Float => BinaryPrimitives.ReadSingleLittleEndian(span[(i * 4)..]),
                    ElementType.Double => BinaryPrimitives.ReadDoubleLittleEndian(span[(i * 8)..]),
                    _ => throw new InvalidDataException($"its data type {type.OnnxName()} cannot be fed as an input here."),
                };
            }

            return TensorValue.FromReals(type, dims, reals);
        }

        var integers = new long[n];
        for (int i = 0; i < n; i++)
        {
            integers[i] = type switch
            {
                ElementType.Bool => span[i] != 0 ? 1 : 0,
                ElementType.Int8 => (sbyte)span[i],
                ElementType.UInt8 => span[i],
                ElementType.Int16 => BinaryPrimitives.ReadInt16LittleEndian(span[(i * 2)..]),
                ElementType.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(span[(i * 2)..]),
                ElementType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(span[(i * 4)..]),
                ElementType.UInt32 => BinaryPrimitives.ReadUInt32LittleEndian(span[(i * 4)..]),
                ElementType.Int64 => BinaryPrimitives.ReadInt64LittleEndian(span[(i * 8)..]),
                ElementType.UInt64 => (long)BinaryPrimitives.ReadUInt64LittleEndian(span[(i * 8)..]),
                _ => throw new InvalidDataException($"its data type {type.OnnxName()} cannot be fed as an input here."),
            };
        }

        return TensorValue.FromIntegers(type, dims, integers);
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*True")]
    private static partial Regex FortranPattern();
}
