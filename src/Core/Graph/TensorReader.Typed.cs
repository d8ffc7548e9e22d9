using System.Buffers.Binary;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Onnx;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Graph;

/// <summary>Typed fields, re-encoded chunk by chunk into the raw layout; and the reader's diagnostics.</summary>
internal sealed partial class TensorReader
{
    private delegate void ElementWriter<T>(Span<byte> destination, T value);

    private void ReadTyped(TensorInfo tensor, string reader, ChunkVisitor visit)
    {
        var proto = tensor.TypedSource;
        if (proto is null)
        {
            throw Error(ErrorCodes.InvalidTensor, tensor, reader, "stores no values");
        }

        switch (tensor.ElementType)
        {
            case ElementType.Float:
                Emit(proto.FloatData, 4, BinaryPrimitives.WriteSingleLittleEndian, tensor, reader, visit);
                break;
            case ElementType.Double:
                Emit(proto.DoubleData, 8, BinaryPrimitives.WriteDoubleLittleEndian, tensor, reader, visit);
                break;
            case ElementType.Int64:
                Emit(proto.Int64Data, 8, BinaryPrimitives.WriteInt64LittleEndian, tensor, reader, visit);
                break;
            case ElementType.UInt64:
                Emit(proto.Uint64Data, 8, BinaryPrimitives.WriteUInt64LittleEndian, tensor, reader, visit);
                break;
            case ElementType.UInt32:
                Emit(proto.Uint64Data, 4, (d, v) => BinaryPrimitives.WriteUInt32LittleEndian(d, (uint)v), tensor, reader, visit);
                break;
            case ElementType.Int32:
                Emit(proto.Int32Data, 4, BinaryPrimitives.WriteInt32LittleEndian, tensor, reader, visit);
                break;
            case var type when type.BitSize() == 16:
                // float16 and bfloat16 are stored as their bit patterns, int16 and uint16 as values.
                Emit(proto.Int32Data, 2, (d, v) => BinaryPrimitives.WriteUInt16LittleEndian(d, (ushort)v), tensor, reader, visit);
                break;
            case var type when type.BitSize() is 8 or 4:
                // One byte per entry; 4-bit types pack two elements per entry, low nibble first.
                Emit(proto.Int32Data, 1, (d, v) => d[0] = (byte)v, tensor, reader, visit);
                break;
            default:
                throw new NotSupportedException($"Reading typed {tensor.ElementType.OnnxName()} tensors is not supported.");
        }
    }

    private void Emit<T>(IReadOnlyList<T> values, int width, ElementWriter<T> write, TensorInfo tensor, string reader, ChunkVisitor visit)
    {
        var entries = tensor.ByteSize / width;
        if (values.Count != entries)
        {
            throw Error(ErrorCodes.InvalidTensor, tensor, reader,
                $"declares {tensor.ElementCount} {tensor.ElementType.OnnxName()} elements but stores {values.Count} values");
        }

        int filled = 0;
        foreach (var value in values)
        {
            write(buffer.AsSpan(filled, width), value);
            filled += width;
            if (filled == buffer.Length)
            {
                visit(buffer);
                filled = 0;
            }
        }

        if (filled > 0)
        {
            visit(buffer.AsSpan(0, filled));
        }
    }

    private EfficiencyException Missing(TensorInfo tensor, string reader) =>
        Error(ErrorCodes.ExternalDataMissing, tensor, reader,
            $"is stored in external data file '{UserText.Quote(tensor.External!.Location)}', which is missing; sparsity needs the weight values: put the data file next to the model");

    private EfficiencyException PastEnd(TensorInfo tensor, string reader, long end, long fileLength)
    {
        var external = tensor.External;
        var file = external is null ? $"model file '{model.Path}'" : $"external data file '{UserText.Quote(external.Location)}'";
        var start = external?.Offset ?? tensor.RawRange!.Value.Offset;
        return Error(ErrorCodes.ExternalDataOutOfRange, tensor, reader,
            $"reads bytes {start}..{end} of {file}, which has only {fileLength} bytes; re-export the model");
    }

    private EfficiencyException Error(string code, TensorInfo tensor, string reader, string problem, Exception? inner = null) =>
        new(code, $"tensor '{UserText.Quote(tensor.Name)}' (read by node '{UserText.Quote(reader)}') {problem}.",
            new SourceLocation(model.Path, Element: $"tensor '{UserText.Quote(tensor.Name)}'"), inner);
}
