using System.Text;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Files;

/// <summary>
/// Writes the files the tool makes (results documents, reports, baselines, the build gate's files) by one set of
/// rules: a file is replaced whole, never half-written (a temporary file in the same folder, flushed to disk, then
/// renamed over the target), and only a regular file or an absent path is replaced: a symbolic link, folder, FIFO,
/// device or socket at the target is refused before anything is created (<see cref="ErrorCodes.OutputNotReplaceable"/>),
/// so that a report can never be written through a link or replace <c>/dev/full</c>. Failures are coded errors of
/// the file's role naming the file.
/// </summary>
public static class OutputFile
{
    /// <summary>The suffix of temporary files: <c>.NAME.RANDOM.tmp</c> beside the target.</summary>
    public const string TemporarySuffix = ".tmp";

    private const string NotReplaceable = "{0} '{1}' is {2}; a {0} is written only to a regular file or a new path, never through a link, device or FIFO. Give another path";
    private const string Unwritable = "{0} '{1}' cannot be written: {2}";
    private const string InvalidPath = "{0} path '{1}' is not a valid path (empty, or with a NUL character)";

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no byte order mark), atomically.</summary>
    public static void WriteAllText(string path, FileRole role, string text, bool createFolder = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(path, role, stream => stream.Write(new UTF8Encoding(false).GetBytes(text)), createFolder);
    }

    /// <summary>
    /// Writes what <paramref name="write"/> puts into a stream to <paramref name="path"/>, atomically.
    /// </summary>
    /// <param name="path">The target: a regular file (replaced) or a path where nothing is.</param>
    /// <param name="role">What the file is, for messages and codes.</param>
    /// <param name="write">Writes the content; file-system failures inside it are the role's coded error.</param>
    /// <param name="createFolder">Whether a missing folder is created (otherwise it is an error).</param>
    /// <param name="createTemporary">Opens the temporary file (default: a new file, exclusive); a test's stream shows what a writer that dies half-way leaves.</param>
    public static void Write(string path, FileRole role, Action<Stream> write, bool createFolder = false, Func<string, Stream>? createTemporary = null)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(write);
        var full = FullPath(path, role);
        RequireReplaceable(path, role);
        var folder = Path.GetDirectoryName(full)!;
        var temporary = TemporaryPath(full);
        try
        {
            if (createFolder)
            {
                Directory.CreateDirectory(folder);
            }

            using (var stream = (createTemporary ?? CreateNew)(temporary))
            {
                write(stream);
                if (stream is FileStream { CanWrite: true } file)
                {
                    // On disk before the rename, so that a crash cannot leave the new name on empty content.
                    file.Flush(flushToDisk: true);
                }
                else if (stream.CanWrite)
                {
                    stream.Flush();
                }
            }

            // Looked at again just before the rename, which would replace whatever is there.
            RequireReplaceable(path, role);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (FileFailure.Is(e))
        {
            throw InputFile.Failure(role.WriteFailureCode, Unwritable, path, role, e.Message);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>
    /// Appends <paramref name="text"/> to a file others append to too (a CI job's summary): one write, no rename. The
    /// target must be a regular file or absent, as for <see cref="Write"/>.
    /// </summary>
    public static void AppendAllText(string path, FileRole role, string text)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(text);
        FullPath(path, role);
        RequireReplaceable(path, role);
        try
        {
            using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            var kind = FileProbe.Status(stream.SafeFileHandle, path).Kind;
            if (kind != FileKind.Regular)
            {
                throw Refusal(path, role, kind);
            }

            stream.Write(new UTF8Encoding(false).GetBytes(text));
        }
        catch (Exception e) when (FileFailure.Is(e))
        {
            throw InputFile.Failure(role.WriteFailureCode, Unwritable, path, role, e.Message);
        }
    }

    /// <summary>
    /// Refuses <paramref name="path"/> unless nothing is there or it is a regular file, the link itself looked at (not
    /// followed): what may be replaced by a rename or appended to.
    /// </summary>
    public static void RequireReplaceable(string path, FileRole role)
    {
        ArgumentNullException.ThrowIfNull(role);
        FullPath(path, role);
        FileKind kind;
        try
        {
            kind = FileProbe.Status(path, followLinks: false).Kind;
        }
        catch (Exception e) when (FileFailure.Is(e))
        {
            throw InputFile.Failure(role.WriteFailureCode, Unwritable, path, role, e.Message);
        }

        if (kind is not (FileKind.Missing or FileKind.Regular))
        {
            throw Refusal(path, role, kind);
        }
    }

    /// <summary>The temporary file a write of <paramref name="fullPath"/> goes through: hidden, beside it, unique.</summary>
    public static string TemporaryPath(string fullPath)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        return Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}{TemporarySuffix}");
    }

    /// <summary>Removes a file if it can; for temporary files, which are never read as the target.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (FileFailure.Is(e))
        {
            // Left behind; a later writer of the same target may remove it.
        }
    }

    private static FileStream CreateNew(string path) => new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);

    private static EfficiencyException Refusal(string path, FileRole role, FileKind kind) =>
        InputFile.Failure(ErrorCodes.OutputNotReplaceable, NotReplaceable, path, role, kind.Describe());

    private static string FullPath(string path, FileRole role)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal))
        {
            throw InputFile.Failure(role.WriteFailureCode, InvalidPath, path, role);
        }

        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (FileFailure.Is(e) || e is ArgumentException)
        {
            throw InputFile.Failure(role.WriteFailureCode, Unwritable, path, role, e.Message);
        }
    }
}
