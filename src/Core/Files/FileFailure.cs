using System.Security;

namespace EfficiencyMisnomer.Files;

/// <summary>
/// The one test of "the file system said no" (missing, denied, disk full, a path it cannot take, a lock held): such
/// exceptions become the caller's coded error; anything else is a defect and is left to propagate.
/// </summary>
public static class FileFailure
{
    private const int LinuxWouldBlock = 11; // EAGAIN / EWOULDBLOCK
    private const int BsdWouldBlock = 35; // macOS, FreeBSD
    private const int WindowsSharingViolation = unchecked((int)0x80070020);
    private const int WindowsLockViolation = unchecked((int)0x80070021);

    /// <summary>
    /// Whether <paramref name="e"/> is the file system refusing, not a defect of the tool. (Paths .NET rejects as
    /// arguments, empty or with a NUL, are refused by the file layer before they reach .NET.)
    /// </summary>
    public static bool Is(Exception e) => e is IOException or UnauthorizedAccessException or NotSupportedException or SecurityException;

    /// <summary>
    /// Whether <paramref name="e"/> says another handle holds the file's lock (an exclusive open that would have had to
    /// wait), the one failure worth waiting out. .NET reports it with the operating system's error number.
    /// </summary>
    public static bool IsLockHeld(IOException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e is FileNotFoundException or DirectoryNotFoundException or PathTooLongException or EndOfStreamException)
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return e.HResult is WindowsSharingViolation or WindowsLockViolation;
        }

        return e.HResult == (OperatingSystem.IsLinux() || OperatingSystem.IsAndroid() ? LinuxWouldBlock : BsdWouldBlock);
    }
}
