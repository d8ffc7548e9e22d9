using System.IO.MemoryMappedFiles;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Onnx;

/// <summary>
/// The bytes of a model file while it is being loaded: a read-only memory mapping of the file (so that
/// skipped weight payloads are never read from disk), or a buffer for models built in memory.
/// </summary>
internal sealed unsafe class ModelSource : IDisposable
{
    private readonly MemoryMappedFile? map;
    private readonly MemoryMappedViewAccessor? view;
    private readonly byte* pointer;
    private readonly byte[]? buffer;
    private bool acquired;

    private ModelSource(string path, long length, MemoryMappedFile? map, MemoryMappedViewAccessor? view, byte[]? buffer)
    {
        Path = path;
        Directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        Length = length;
        this.map = map;
        this.view = view;
        this.buffer = buffer;
        if (view is not null)
        {
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            pointer += view.PointerOffset;
            acquired = true;
        }
    }

    /// <summary>The path as the user gave it, used in messages.</summary>
    public string Path { get; }

    /// <summary>The absolute folder of the model: external data must stay inside it.</summary>
    public string Directory { get; }

    public long Length { get; }

    public List<Diagnostic> Warnings { get; } = new();

    public ReadOnlySpan<byte> Span => buffer is not null ? buffer : new ReadOnlySpan<byte>(pointer, checked((int)Length));

    public static ModelSource Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new EfficiencyException(ErrorCodes.ModelFileNotFound,
                Directory_Exists(path) ? $"'{path}' is a folder, not an ONNX model file." : $"model file '{path}' does not exist.",
                new SourceLocation(path));
        }

        if (new FileInfo(path).Length > int.MaxValue)
        {
            throw new EfficiencyException(ErrorCodes.ModelNotProtobuf,
                $"model file '{path}' is {new FileInfo(path).Length} bytes; a protobuf message cannot exceed 2 GiB. Save the weights as ONNX external data.",
                new SourceLocation(path));
        }

        try
        {
            // Through the file layer: a regular file only (never a FIFO or device, which could block), read-only and
            // shareable (a build may analyse a model that an editor or exporter holds open).
            var stream = Files.InputFile.OpenRead(path, Files.FileRole.Model);
            var length = stream.Length;
            if (length == 0)
            {
                stream.Dispose();
                throw new EfficiencyException(ErrorCodes.ModelFileEmpty,
                    $"model file '{path}' is empty (0 bytes); re-export the model.", new SourceLocation(path));
            }

            if (length > int.MaxValue)
            {
                stream.Dispose();
                throw new EfficiencyException(ErrorCodes.ModelNotProtobuf,
                    $"model file '{path}' is {length} bytes; a protobuf message cannot exceed 2 GiB. Save the weights as ONNX external data.",
                    new SourceLocation(path));
            }

            var map = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            return new ModelSource(path, length, map, view, null);
        }
        catch (IOException e)
        {
            throw new EfficiencyException(ErrorCodes.ModelUnreadable, $"cannot read model file '{path}': {e.Message}", new SourceLocation(path), e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new EfficiencyException(ErrorCodes.ModelUnreadable, $"cannot read model file '{path}': {e.Message}", new SourceLocation(path), e);
        }

        static bool Directory_Exists(string p) => System.IO.Directory.Exists(p);
    }

    public static ModelSource FromBytes(byte[] bytes, string path)
    {
        if (bytes.Length == 0)
        {
            throw new EfficiencyException(ErrorCodes.ModelFileEmpty, $"model '{path}' is empty (0 bytes).", new SourceLocation(path));
        }

        return new ModelSource(path, bytes.Length, null, null, bytes);
    }

    public ReadOnlySpan<byte> Slice(PayloadRange range) => Span.Slice(checked((int)range.Offset), checked((int)range.Length));

    public SourceLocation Locate(string element) => new(Path, Element: element);

    public void Dispose()
    {
        if (acquired)
        {
            view!.SafeMemoryMappedViewHandle.ReleasePointer();
            acquired = false;
        }

        view?.Dispose();
        map?.Dispose();
    }
}
