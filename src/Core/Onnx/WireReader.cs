namespace EfficiencyMisnomer.Onnx;

/// <summary>
/// Protobuf wire primitives over a span, for walks that follow the parser over the raw bytes. Malformed input throws
/// <see cref="InvalidDataException"/> (or <see cref="OverflowException"/> for a length beyond 2 GiB).
/// </summary>
internal ref struct WireReader
{
    private readonly ReadOnlySpan<byte> data;

    public WireReader(ReadOnlySpan<byte> data, int position)
    {
        this.data = data;
        Position = position;
    }

    public int Position { get; private set; }

    public (int Field, int WireType) ReadTag()
    {
        var tag = ReadVarint();
        return ((int)(tag >> 3), (int)(tag & 7));
    }

    public (int Start, int End) ReadLengthDelimited()
    {
        var length = checked((int)ReadVarint());
        var start = Position;
        var end = checked(start + length);
        if (end > data.Length)
        {
            throw new InvalidDataException("length-delimited field runs past the end of the file");
        }

        Position = end;
        return (start, end);
    }

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0:
                ReadVarint();
                break;
            case 1:
                Position = checked(Position + 8);
                break;
            case 2:
                ReadLengthDelimited();
                break;
            case 5:
                Position = checked(Position + 4);
                break;
            default:
                throw new InvalidDataException($"unsupported protobuf wire type {wireType}");
        }
    }

    private ulong ReadVarint()
    {
        ulong result = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (Position >= data.Length)
            {
                throw new InvalidDataException("varint runs past the end of the file");
            }

            var b = data[Position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new InvalidDataException("malformed varint");
    }
}
