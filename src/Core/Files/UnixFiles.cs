using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace EfficiencyMisnomer.Files;

/// <summary>
/// The few system calls .NET does not expose on Unix: the type of a file (stat, lstat, fstat), and an open that does
/// not wait for a FIFO's writer (<c>O_NONBLOCK</c>). The type comes from the runtime's own System.Native shim, whose
/// status record has one layout on every Unix and architecture (the C library's <c>struct stat</c> does not); its
/// mode field is the raw <c>st_mode</c>.
/// </summary>
internal static partial class UnixFiles
{
    private const string SystemNative = "libSystem.Native";
    private const string LibC = "libc";

    // st_mode's file type bits: the same values on every Unix.
    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int Directory = 0x4000;
    private const int BlockDevice = 0x6000;
    private const int Regular = 0x8000;
    private const int SymbolicLink = 0xA000;
    private const int Socket = 0xC000;

    private const int NoSuchFile = 2; // ENOENT, the same on Linux, macOS and FreeBSD
    private const int NotADirectory = 20; // ENOTDIR, likewise

    /// <summary>The kind and size of what <paramref name="path"/> names; <see cref="FileKind.Missing"/> when nothing does.</summary>
    public static (FileKind Kind, long Size) Status(string path, bool followLinks)
    {
        var status = default(FileStatus);
        var result = followLinks ? Stat(path, out status) : LStat(path, out status);
        if (result == 0)
        {
            return (KindOf(status.Mode), status.Size);
        }

        var error = Marshal.GetLastPInvokeError();
        return error is NoSuchFile or NotADirectory ? (FileKind.Missing, 0) : throw Failure(error, path);
    }

    /// <summary>The kind and size of the file an open handle refers to.</summary>
    public static (FileKind Kind, long Size) Status(SafeFileHandle handle, string path) =>
        FStat(handle, out var status) == 0 ? (KindOf(status.Mode), status.Size) : throw Failure(Marshal.GetLastPInvokeError(), path);

    /// <summary>
    /// Opens <paramref name="path"/> read-only without waiting: a FIFO opens at once (its kind is then seen and it is
    /// closed unread), a terminal does not become the controlling one, and the descriptor is not inherited. Null where
    /// the operating system's flags are not known here; the caller then opens it the ordinary way.
    /// </summary>
    public static SafeFileHandle? OpenWithoutWaiting(string path)
    {
        if (NonBlockingReadFlags() is not { } flags)
        {
            return null;
        }

        var descriptor = Open(path, flags);
        if (descriptor < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            throw error == NoSuchFile ? new FileNotFoundException(Message(error, path), path) : Failure(error, path);
        }

        return new SafeFileHandle(descriptor, ownsHandle: true);
    }

    /// <summary><c>O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC</c> of this operating system.</summary>
    private static int? NonBlockingReadFlags()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsAndroid())
        {
            return 0x800 | 0x100 | 0x80000;
        }

        if (OperatingSystem.IsMacOS() || OperatingSystem.IsIOS() || OperatingSystem.IsTvOS() || OperatingSystem.IsMacCatalyst())
        {
            return 0x4 | 0x20000 | 0x1000000;
        }

        return OperatingSystem.IsFreeBSD() ? 0x4 | 0x8000 | 0x100000 : null;
    }

    private static FileKind KindOf(int mode) => (mode & TypeMask) switch
    {
        Regular => FileKind.Regular,
        Directory => FileKind.Directory,
        SymbolicLink => FileKind.SymbolicLink,
        Fifo => FileKind.Fifo,
        CharacterDevice => FileKind.CharacterDevice,
        BlockDevice => FileKind.BlockDevice,
        Socket => FileKind.Socket,
        _ => FileKind.Other,
    };

    private static IOException Failure(int error, string path) => new(Message(error, path), error);

    private static string Message(int error, string path) => $"{Marshal.GetPInvokeErrorMessage(error)}: '{path}'";

    [LibraryImport(SystemNative, EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Stat(string path, out FileStatus status);

    [LibraryImport(SystemNative, EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int LStat(string path, out FileStatus status);

    [LibraryImport(SystemNative, EntryPoint = "SystemNative_FStat", SetLastError = true)]
    private static partial int FStat(SafeFileHandle descriptor, out FileStatus status);

    // open(2) is variadic; without O_CREAT it never reads the mode argument, so two fixed arguments are safe on every ABI.
    [LibraryImport(LibC, EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    /// <summary>
    /// The head of System.Native's <c>FileStatus</c> (flags, mode, uid, gid, size, ...); the record is read into a
    /// buffer larger than any version of it, so that fields a later runtime appends cannot overrun it.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 512)]
    private struct FileStatus
    {
        [FieldOffset(4)]
        public int Mode;

        [FieldOffset(16)]
        public long Size;
    }
}
