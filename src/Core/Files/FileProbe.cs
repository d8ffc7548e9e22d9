using Microsoft.Win32.SafeHandles;

namespace EfficiencyMisnomer.Files;

/// <summary>What a path names, and a read-only handle opened without waiting on a FIFO: the platform-specific part of the file layer.</summary>
internal static class FileProbe
{
    /// <summary>The kind and size of what <paramref name="path"/> names, links followed or not; I/O errors other than a missing path are thrown.</summary>
    public static (FileKind Kind, long Size) Status(string path, bool followLinks)
    {
        if (OperatingSystem.IsWindows())
        {
            return WindowsFiles.Status(path, followLinks);
        }

        if (!OperatingSystem.IsBrowser() && !OperatingSystem.IsWasi())
        {
            return UnixFiles.Status(path, followLinks);
        }

        return File.Exists(path) ? (FileKind.Regular, new FileInfo(path).Length) : Directory.Exists(path) ? (FileKind.Directory, 0) : (FileKind.Missing, 0);
    }

    /// <summary>A read-only handle to <paramref name="path"/>, opened so that a FIFO or terminal swapped in after a check cannot block the open.</summary>
    public static SafeFileHandle OpenRead(string path)
    {
        if (!OperatingSystem.IsWindows() && !OperatingSystem.IsBrowser() && !OperatingSystem.IsWasi() && UnixFiles.OpenWithoutWaiting(path) is { } handle)
        {
            return handle;
        }

        return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
    }

    /// <summary>The kind and size of the file behind an open handle.</summary>
    public static (FileKind Kind, long Size) Status(SafeFileHandle handle, string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return WindowsFiles.Status(handle);
        }

        if (!OperatingSystem.IsBrowser() && !OperatingSystem.IsWasi())
        {
            return UnixFiles.Status(handle, path);
        }

        return (FileKind.Regular, RandomAccess.GetLength(handle));
    }
}
