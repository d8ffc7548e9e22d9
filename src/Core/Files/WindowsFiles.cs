using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace EfficiencyMisnomer.Files;

/// <summary>
/// The kind of a file on Windows: folders and links from the file's attributes; devices (<c>CON</c>, <c>NUL</c>) and
/// pipes from <c>GetFileType</c> of an open handle, since their paths look like ordinary names.
/// </summary>
[SupportedOSPlatform("windows")]
internal static partial class WindowsFiles
{
    private const int DiskFile = 1;
    private const int CharacterFile = 2;
    private const int PipeFile = 3;

    public static (FileKind Kind, long Size) Status(string path, bool followLinks)
    {
        FileSystemInfo info = new FileInfo(path);
        if (!info.Exists && !System.IO.Directory.Exists(path))
        {
            return (FileKind.Missing, 0);
        }

        if (info.Attributes.HasFlag(FileAttributes.ReparsePoint) && info.LinkTarget is not null)
        {
            if (!followLinks)
            {
                return (FileKind.SymbolicLink, 0);
            }

            info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
            if (!info.Exists)
            {
                return (FileKind.Missing, 0);
            }
        }

        if (info.Attributes.HasFlag(FileAttributes.Directory))
        {
            return (FileKind.Directory, 0);
        }

        return info.Attributes.HasFlag(FileAttributes.Device) ? (FileKind.CharacterDevice, 0) : (FileKind.Regular, ((FileInfo)info).Length);
    }

    public static (FileKind Kind, long Size) Status(SafeFileHandle handle) => GetFileType(handle) switch
    {
        DiskFile => (FileKind.Regular, RandomAccess.GetLength(handle)),
        CharacterFile => (FileKind.CharacterDevice, 0),
        PipeFile => (FileKind.Fifo, 0),
        _ => (FileKind.Other, 0),
    };

    [LibraryImport("kernel32.dll")]
    private static partial int GetFileType(SafeFileHandle handle);
}
