using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Files;
using EfficiencyMisnomer.Onnx;
using EfficiencyMisnomer.Tensors;
using Microsoft.Win32.SafeHandles;

namespace EfficiencyMisnomer.Graph;

/// <summary>Receives a tensor's stored bytes, one chunk at a time.</summary>
internal delegate void ChunkVisitor(ReadOnlySpan<byte> chunk);

/// <summary>
/// Streams the stored values of tensors through one bounded buffer, in the little-endian layout of
/// <c>raw_data</c>: payloads from the model file (at the ranges recorded at load), typed fields from
/// the parsed message, and external data files read sequentially. No tensor is ever held whole.
/// Files are opened read-only and shareable, once each, and closed on dispose.
/// </summary>
internal sealed partial class TensorReader : IDisposable
{
    public const int DefaultBufferBytes = 1 << 20;

    private readonly OnnxModel model;
    private readonly byte[] buffer;
    private readonly Dictionary<string, FileStream> files = new(StringComparer.Ordinal);

    /// <param name="model">The loaded model whose tensors are read.</param>
    /// <param name="bufferBytes">Bytes read at once; rounded down to whole 16-byte blocks so chunks hold whole elements.</param>
    public TensorReader(OnnxModel model, int bufferBytes = DefaultBufferBytes)
    {
        this.model = model;
        buffer = new byte[Math.Max(16, bufferBytes / 16 * 16)];
    }

    /// <summary>
    /// Calls <paramref name="visit"/> with consecutive chunks of <paramref name="tensor"/>'s bytes, each a
    /// whole number of elements. <paramref name="reader"/> names the node reading the tensor, for messages.
    /// </summary>
    public void Read(TensorInfo tensor, string reader, ChunkVisitor visit)
    {
        switch (tensor.Storage)
        {
            case TensorStorage.External:
                ReadExternal(tensor, reader, visit);
                break;
            case TensorStorage.Raw:
                ReadRaw(tensor, reader, visit);
                break;
            default:
                ReadTyped(tensor, reader, visit);
                break;
        }
    }

    public void Dispose()
    {
        foreach (var handle in files.Values)
        {
            handle.Dispose();
        }

        files.Clear();
    }

    private void ReadRaw(TensorInfo tensor, string reader, ChunkVisitor visit)
    {
        var range = tensor.RawRange!.Value;
        if (model.InMemoryBytes is { } bytes)
        {
            visit(bytes.AsSpan(checked((int)range.Offset), checked((int)range.Length)));
            return;
        }

        var handle = Open(model.Path, model.Path, tensor, reader, ErrorCodes.ModelFileNotFound);
        if (RandomAccess.GetLength(handle) != model.FileSize)
        {
            throw Error(ErrorCodes.ModelUnreadable, tensor, reader,
                $"cannot be read: model file '{model.Path}' changed since it was loaded; analyse it again");
        }

        Stream(handle, range.Offset, range.Length, tensor, reader, model.Path, visit);
    }

    private void ReadExternal(TensorInfo tensor, string reader, ChunkVisitor visit)
    {
        var external = tensor.External!;
        var expected = tensor.ByteSize;
        var length = external.Length ?? expected;
        if (length != expected)
        {
            throw Error(ErrorCodes.InvalidTensor, tensor, reader,
                $"declares {tensor.ElementCount} {tensor.ElementType.OnnxName()} elements ({expected} bytes) but its external data length is {length} bytes");
        }

        if (!File.Exists(external.FullPath))
        {
            throw Missing(tensor, reader);
        }

        var handle = Open(external.FullPath, external.Location, tensor, reader, ErrorCodes.ExternalDataMissing);
        var fileLength = RandomAccess.GetLength(handle);
        var end = checked(external.Offset + length);
        if (end > fileLength)
        {
            throw PastEnd(tensor, reader, end, fileLength);
        }

        Stream(handle, external.Offset, length, tensor, reader, external.Location, visit);
    }

    /// <summary>Reads [offset, offset + length) sequentially, one buffer at a time.</summary>
    private void Stream(SafeFileHandle handle, long offset, long length, TensorInfo tensor, string reader, string file, ChunkVisitor visit)
    {
        var end = checked(offset + length);
        while (offset < end)
        {
            var chunk = buffer.AsSpan(0, (int)Math.Min(buffer.Length, end - offset));
            int filled = 0;
            while (filled < chunk.Length)
            {
                int read;
                try
                {
                    read = RandomAccess.Read(handle, chunk[filled..], offset + filled);
                }
                catch (IOException e)
                {
                    throw Error(ErrorCodes.ModelUnreadable, tensor, reader, $"cannot be read from '{UserText.Quote(file)}': {e.Message}", e);
                }

                if (read == 0)
                {
                    // The file shrank after it was checked: the recorded range now runs past its end.
                    throw PastEnd(tensor, reader, end, offset + filled);
                }

                filled += read;
            }

            visit(chunk);
            offset += chunk.Length;
        }
    }

    private SafeFileHandle Open(string fullPath, string shown, TensorInfo tensor, string reader, string missingCode)
    {
        if (files.TryGetValue(fullPath, out var open))
        {
            return open.SafeFileHandle;
        }

        try
        {
            // Through the file layer: a regular file only (a FIFO would block the read), read-only and shareable.
            var stream = Files.InputFile.OpenRead(fullPath, missingCode == ErrorCodes.ExternalDataMissing ? Files.FileRole.ExternalData : Files.FileRole.Model);
            files[fullPath] = stream;
            return stream.SafeFileHandle;
        }
        catch (EfficiencyException e) when (e.Code is ErrorCodes.ExternalDataMissing or ErrorCodes.ModelFileNotFound)
        {
            throw missingCode == ErrorCodes.ExternalDataMissing
                ? Missing(tensor, reader)
                : Error(missingCode, tensor, reader, $"cannot be read: model file '{UserText.Quote(shown)}' no longer exists", e);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw missingCode == ErrorCodes.ExternalDataMissing
                ? Missing(tensor, reader)
                : Error(missingCode, tensor, reader, $"cannot be read: model file '{UserText.Quote(shown)}' no longer exists", e);
        }
        catch (Exception e) when (FileFailure.Is(e))
        {
            throw Error(ErrorCodes.ModelUnreadable, tensor, reader, $"cannot be read: cannot open '{UserText.Quote(shown)}': {e.Message}", e);
        }
    }
}
