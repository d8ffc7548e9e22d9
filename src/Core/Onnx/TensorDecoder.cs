using System.Buffers.Binary;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Onnx.Wire;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Onnx;

/// <summary>Turns a <see cref="TensorProto"/> into a <see cref="TensorInfo"/>, decoding small payloads.</summary>
internal sealed class TensorDecoder
{
    private readonly ModelSource source;
    private readonly IReadOnlyDictionary<TensorProto, PayloadRange> rawRanges;

    public TensorDecoder(ModelSource source, IReadOnlyDictionary<TensorProto, PayloadRange> rawRanges)
    {
        this.source = source;
        this.rawRanges = rawRanges;
    }

    public TensorInfo Decode(TensorProto proto, string owner)
    {
        var name = proto.HasName ? proto.Name : owner;
        var elementType = ElementTypes.FromOnnx(proto.DataType);
        if (elementType == ElementType.Undefined)
        {
            // The checker refuses UNDEFINED and unknown types too; counted as 0 bytes and no parameter, they would understate the model.
            throw new EfficiencyException(ErrorCodes.InvalidTensor,
                $"tensor '{UserText.Quote(name)}' has data type {proto.DataType}, not one of the ONNX data types 1 to {(int)ElementType.Float8E8M0} this version knows; re-export the model.",
                source.Locate($"tensor '{UserText.Quote(name)}'"));
        }

        var dims = proto.Dims.ToArray();
        var count = ElementCount(dims, elementType, name);

        if (proto.DataLocation == TensorProto.Types.DataLocation.External)
        {
            var external = ExternalData.Resolve(source, proto, name);
            return new TensorInfo(name, elementType, dims, count, TensorStorage.External, null, external, null);
        }

        if (rawRanges.TryGetValue(proto, out var range))
        {
            var expected = elementType.ByteSize(count);
            if (elementType != ElementType.String && range.Length != expected)
            {
                throw new EfficiencyException(ErrorCodes.InvalidTensor,
                    $"tensor '{UserText.Quote(name)}' declares {count} {elementType.OnnxName()} elements ({expected} bytes) but its raw_data holds {range.Length} bytes.",
                    source.Locate($"tensor '{UserText.Quote(name)}'"));
            }

            var value = count <= TensorValue.MaxElements ? DecodeRaw(source.Slice(range), elementType, dims) : null;
            return new TensorInfo(name, elementType, dims, count, TensorStorage.Raw, range, null, value);
        }

        if (TypedLength(proto, elementType) is { } stored and not 0 && stored != count)
        {
            throw new EfficiencyException(ErrorCodes.InvalidTensor,
                $"tensor '{UserText.Quote(name)}' declares {count} elements but stores {stored} values.", source.Locate($"tensor '{UserText.Quote(name)}'"));
        }

        var typed = count <= TensorValue.MaxElements ? DecodeTyped(proto, elementType, dims, count, name) : null;
        return new TensorInfo(name, elementType, dims, count, TensorStorage.Typed, null, null, typed) { TypedSource = proto };
    }

    /// <summary>
    /// The element count the dims declare, checked: at most <see cref="TensorShape.MaxRank"/> dims (EM1110), none negative
    /// (EM1104), and a count and byte size within 64 bits (EM1203).
    /// </summary>
    public long ElementCount(long[] dims, ElementType elementType, string name)
    {
        if (dims.Length > TensorShape.MaxRank)
        {
            throw new EfficiencyException(ErrorCodes.TooManyDims,
                $"tensor '{UserText.Quote(name)}' has {dims.Length} dims; the engine takes at most {TensorShape.MaxRank}.", source.Locate($"tensor '{UserText.Quote(name)}'"));
        }

        long count = 1;
        foreach (var dim in dims)
        {
            if (dim < 0)
            {
                throw new EfficiencyException(ErrorCodes.InvalidTensor,
                    $"tensor '{UserText.Quote(name)}' has a negative dimension {dim}.", source.Locate($"tensor '{UserText.Quote(name)}'"));
            }

            try
            {
                count = checked(count * dim);
            }
            catch (OverflowException)
            {
                throw new EfficiencyException(ErrorCodes.DimensionOverflow,
                    $"tensor '{UserText.Quote(name)}' has dimensions [{string.Join(", ", dims.Take(8))}{(dims.Length > 8 ? $", … ({dims.Length} dims)" : "")}] whose element count overflows 64 bits.",
                    source.Locate($"tensor '{UserText.Quote(name)}'"));
            }
        }

        try
        {
            _ = elementType.ByteSize(count);
        }
        catch (OverflowException)
        {
            throw new EfficiencyException(ErrorCodes.DimensionOverflow,
                $"tensor '{UserText.Quote(name)}' of {count} elements is larger than 2^63 bytes.", source.Locate($"tensor '{UserText.Quote(name)}'"));
        }

        return count;
    }

    /// <summary>Values stored in the typed field of <paramref name="type"/>, for the types stored one value per element; null for the others.</summary>
    private static int? TypedLength(TensorProto proto, ElementType type) => type switch
    {
        ElementType.Float => proto.FloatData.Count,
        ElementType.Double => proto.DoubleData.Count,
        ElementType.Int64 => proto.Int64Data.Count,
        ElementType.UInt64 or ElementType.UInt32 => proto.Uint64Data.Count,
        ElementType.Int32 or ElementType.Int16 or ElementType.Int8 or ElementType.UInt16 or ElementType.UInt8 or ElementType.Bool
            or ElementType.Float16 or ElementType.BFloat16 => proto.Int32Data.Count,
        _ => null,
    };

    private static TensorValue? DecodeRaw(ReadOnlySpan<byte> payload, ElementType type, long[] dims)
    {
        var bytes = payload.ToArray(); // at most MaxElements elements: a few kilobytes
        int n = (int)dims.Aggregate(1L, (a, b) => a * b);
        switch (type)
        {
            case ElementType.Int64:
                return Integers(n, i => BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(i * 8)));
            case ElementType.Int32:
                return Integers(n, i => BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i * 4)));
            case ElementType.UInt64:
                return Integers(n, i => (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(i * 8)));
            case ElementType.UInt32:
                return Integers(n, i => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4)));
            case ElementType.Int16:
                return Integers(n, i => BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(i * 2)));
            case ElementType.UInt16:
                return Integers(n, i => BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i * 2)));
            case ElementType.Int8:
                return Integers(n, i => (sbyte)bytes[i]);
            case ElementType.UInt8:
            case ElementType.Bool:
                return Integers(n, i => bytes[i]);
            case ElementType.Float:
                return Reals(n, i => BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4)));
            case ElementType.Double:
                return Reals(n, i => BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(i * 8)));
            case ElementType.Float16:
                return Reals(n, i => (double)BinaryPrimitives.ReadHalfLittleEndian(bytes.AsSpan(i * 2)));
            case ElementType.BFloat16:
                return Reals(n, i => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i * 2)) << 16));
            default:
                return null;
        }

        TensorValue Integers(int length, Func<int, long> read)
        {
            var values = new long[length];
            for (int i = 0; i < length; i++)
            {
                values[i] = read(i);
            }

            return TensorValue.FromIntegers(type, dims, values);
        }

        TensorValue Reals(int length, Func<int, double> read)
        {
            var values = new double[length];
            for (int i = 0; i < length; i++)
            {
                values[i] = read(i);
            }

            return TensorValue.FromReals(type, dims, values);
        }
    }

    private TensorValue? DecodeTyped(TensorProto proto, ElementType type, long[] dims, long count, string name)
    {
        long[]? integers = null;
        double[]? reals = null;
        switch (type)
        {
            case ElementType.Float:
                reals = proto.FloatData.Select(f => (double)f).ToArray();
                break;
            case ElementType.Double:
                reals = proto.DoubleData.ToArray();
                break;
            case ElementType.Float16:
                reals = proto.Int32Data.Select(bits => (double)BitConverter.UInt16BitsToHalf((ushort)bits)).ToArray();
                break;
            case ElementType.BFloat16:
                reals = proto.Int32Data.Select(bits => (double)BitConverter.Int32BitsToSingle((bits & 0xFFFF) << 16)).ToArray();
                break;
            case ElementType.Int64:
                integers = proto.Int64Data.ToArray();
                break;
            case ElementType.UInt64:
            case ElementType.UInt32:
                integers = proto.Uint64Data.Select(u => (long)u).ToArray();
                break;
            case ElementType.Int32:
            case ElementType.Int16:
            case ElementType.Int8:
            case ElementType.UInt16:
            case ElementType.UInt8:
            case ElementType.Bool:
                integers = proto.Int32Data.Select(i => (long)i).ToArray();
                break;
            default:
                return null;
        }

        var length = integers?.Length ?? reals!.Length;
        if (length != count)
        {
            if (length == 0)
            {
                return null; // no values stored at all (e.g. a typed tensor with only a shape): nothing to propagate
            }

            throw new EfficiencyException(ErrorCodes.InvalidTensor,
                $"tensor '{UserText.Quote(name)}' declares {count} elements but stores {length} values.", source.Locate($"tensor '{UserText.Quote(name)}'"));
        }

        return integers is not null ? TensorValue.FromIntegers(type, dims, integers) : TensorValue.FromReals(type, dims, reals!);
    }
}
