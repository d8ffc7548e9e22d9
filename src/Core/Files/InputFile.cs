using System.Text;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Units;
using Microsoft.Win32.SafeHandles;

namespace EfficiencyMisnomer.Files;

/// <summary>
/// Reads the files the tool is given (specs, results documents, baselines) by one set of rules: only a regular file
/// is read (links followed); a folder, FIFO, device or socket is refused by its kind, checked before it is opened and
/// again on the open handle, which is opened without waiting, so that neither a FIFO nor a terminal can hang a build;
/// a file over its role's size cap is refused before it is read. Failures are coded <see cref="EfficiencyException"/>s
/// naming the file; messages never quote its contents.
/// </summary>
public static class InputFile
{
    private const string Missing = "{0} '{1}' does not exist";
    private const string NotRegular = "{0} '{1}' is {2}, not a regular file; it was not opened. Give the path of a regular file";
    private const string TooLarge = "{0} '{1}' is {2}, more than the {3} a {0} may be; it was not read";
    private const string Unreadable = "{0} '{1}' cannot be read: {2}";
    private const string InvalidPath = "{0} path '{1}' is not a valid path (empty, or with a NUL character)";

    private const int Chunk = 81920;

    /// <summary>The operating system's reason is longer than a name, and names the path itself.</summary>
    private const int DetailLength = 500;

    /// <summary>What <paramref name="path"/> names, links followed: <see cref="FileKind.Missing"/> when nothing does.</summary>
    public static FileKind KindOf(string path, FileRole role)
    {
        ArgumentNullException.ThrowIfNull(role);
        Validate(path, role);
        try
        {
            return FileProbe.Status(path, followLinks: true).Kind;
        }
        catch (Exception e) when (FileFailure.Is(e))
        {
            throw Failure(role.ReadFailureCode, Unreadable, path, role, e.Message);
        }
    }

    /// <summary>Refuses <paramref name="path"/> unless it names a regular file (links followed); nothing is opened.</summary>
    public static void RequireRegular(string path, FileRole role)
    {
        var kind = KindOf(path, role);
        if (kind == FileKind.Missing)
        {
            throw Failure(role.MissingCode, Missing, path, role);
        }

        if (kind != FileKind.Regular)
        {
            throw Failure(ErrorCodes.InputNotRegularFile, NotRegular, path, role, kind.Describe());
        }
    }

    /// <summary>
    /// Refuses a folder, FIFO, device or socket at <paramref name="path"/> without opening it; a regular file or a
    /// missing path passes (a missing one is for the reader to report in its own words).
    /// </summary>
    public static void RefuseNonRegular(string path, FileRole role)
    {
        if (KindOf(path, role) is not (FileKind.Missing or FileKind.Regular))
        {
            RequireRegular(path, role);
        }
    }

    /// <summary>The whole file, at most <see cref="FileRole.MaxBytes"/> of it.</summary>
    public static byte[] ReadAllBytes(string path, FileRole role) =>
        ReadAllBytesIfExists(path, role) ?? throw Failure(role.MissingCode, Missing, path, role);

    /// <summary>The whole file, or null when nothing is at <paramref name="path"/> (a baseline not recorded yet).</summary>
    public static byte[]? ReadAllBytesIfExists(string path, FileRole role)
    {
        using var stream = Open(path, role, missingIsNull: true);
        return stream is null ? null : ReadCapped(stream, path, role);
    }

    /// <summary>The whole file as text (UTF-8 unless a byte order mark says otherwise).</summary>
    public static string ReadAllText(string path, FileRole role) => Decode(ReadAllBytes(path, role));

    /// <summary>The whole file as text, or null when nothing is at <paramref name="path"/>.</summary>
    public static string? ReadAllTextIfExists(string path, FileRole role) => ReadAllBytesIfExists(path, role) is { } bytes ? Decode(bytes) : null;

    /// <summary>
    /// The file opened read-only and shareable, checked as for reading (kind and size cap) without waiting on a FIFO:
    /// for a reader that maps or streams the file rather than reading it whole (the ONNX loader).
    /// </summary>
    public static FileStream OpenRead(string path, FileRole role) =>
        Open(path, role, missingIsNull: false) ?? throw Failure(role.MissingCode, Missing, path, role);

    private static FileStream? Open(string path, FileRole role, bool missingIsNull)
    {
        ArgumentNullException.ThrowIfNull(role);
        Validate(path, role);
        FileKind kind;
        long size;
        try
        {
            (kind, size) = FileProbe.Status(path, followLinks: true);
        }
        catch (Exception e) when (FileFailure.Is(e))
        {
            throw Failure(role.ReadFailureCode, Unreadable, path, role, e.Message);
        }

        if (kind == FileKind.Missing)
        {
            return missingIsNull ? null : throw Failure(role.MissingCode, Missing, path, role);
        }

        Refuse(path, role, kind, size);
        SafeFileHandle handle;
        try
        {
            handle = FileProbe.OpenRead(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return missingIsNull ? null : throw Failure(role.MissingCode, Missing, path, role);
        }
        catch (Exception e) when (FileFailure.Is(e))
        {
            throw Failure(role.ReadFailureCode, Unreadable, path, role, e.Message);
        }

        try
        {
            // The path may have been swapped for a FIFO or a device since it was looked at: the handle decides.
            var (openedKind, openedSize) = FileProbe.Status(handle, path);
            Refuse(path, role, openedKind, openedSize);
            return new FileStream(handle, FileAccess.Read, bufferSize: 0);
        }
        catch (Exception e)
        {
            handle.Dispose();
            if (FileFailure.Is(e))
            {
                throw Failure(role.ReadFailureCode, Unreadable, path, role, e.Message);
            }

            throw;
        }
    }

    private static void Refuse(string path, FileRole role, FileKind kind, long size)
    {
        if (kind != FileKind.Regular)
        {
            throw Failure(ErrorCodes.InputNotRegularFile, NotRegular, path, role, kind.Describe());
        }

        if (size > role.MaxBytes)
        {
            throw Failure(ErrorCodes.InputTooLarge, TooLarge, path, role, Bytes(size), Bytes(role.MaxBytes));
        }
    }

    /// <summary>Reads to the end, at most the role's cap: a file that grows while it is read, or reports no size (<c>/proc</c>), is still bounded.</summary>
    private static byte[] ReadCapped(FileStream stream, string path, FileRole role)
    {
        try
        {
            var expected = stream.Length;
            var buffer = new byte[Math.Min(expected, role.MaxBytes)];
            var filled = 0;
            int read;
            while (filled < buffer.Length && (read = stream.Read(buffer, filled, buffer.Length - filled)) > 0)
            {
                filled += read;
            }

            if (filled < buffer.Length)
            {
                return buffer[..filled]; // shrank while being read
            }

            using var rest = new MemoryStream();
            var chunk = new byte[Chunk];
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (filled + rest.Length + read > role.MaxBytes)
                {
                    throw Failure(ErrorCodes.InputTooLarge, TooLarge, path, role, $"over {Bytes(role.MaxBytes)}", Bytes(role.MaxBytes));
                }

                rest.Write(chunk, 0, read);
            }

            return rest.Length == 0 ? buffer : [.. buffer, .. rest.ToArray()];
        }
        catch (Exception e) when (FileFailure.Is(e))
        {
            throw Failure(role.ReadFailureCode, Unreadable, path, role, e.Message);
        }
    }

    private static string Bytes(long size) => QuantityFormat.Compact(size, "bytes");

    private static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static void Validate(string path, FileRole role)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal))
        {
            throw Failure(role.ReadFailureCode, InvalidPath, path, role);
        }
    }

    /// <summary>A coded failure about <paramref name="path"/>: the path quoted (escaped, bounded), never the file's contents.</summary>
    internal static EfficiencyException Failure(string code, string template, string path, FileRole role, params string[] details)
    {
        var args = new object[] { role.Name, UserText.Quote(path) }.Concat(details.Select(d => (object)UserText.Quote(d, DetailLength))).ToArray();
        return new EfficiencyException(code, UserText.Format(template, args), new SourceLocation(path));
    }
}
