using System.Diagnostics;

namespace EfficiencyMisnomer.Testing;

/// <summary>Files that are not regular files, made in a test's own folder, and a guard for code that could hang on them.</summary>
internal static class SpecialFiles
{
    /// <summary>Makes a FIFO (named pipe) at <paramref name="path"/>; the test is ignored where there are none (Windows).</summary>
    public static string Fifo(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("no FIFOs on Windows");
        }

        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", new[] { path }) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.That(mkfifo.ExitCode, Is.Zero, $"mkfifo {path}");
        return path;
    }

    /// <summary>A symbolic link at <paramref name="path"/> to <paramref name="target"/>; ignored where links cannot be made.</summary>
    public static string Link(string path, string target)
    {
        try
        {
            File.CreateSymbolicLink(path, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Assert.Ignore($"symbolic links cannot be made here: {e.Message}");
        }

        return path;
    }

    /// <summary>
    /// Runs <paramref name="action"/> on a thread of its own and fails the test if it has not finished within
    /// <paramref name="seconds"/>: a hang is the failure, and it must not hang the test run (the thread is left
    /// blocked; it is a background thread, so it does not keep the process alive).
    /// </summary>
    public static T WithinSeconds<T>(double seconds, Func<T> action)
    {
        T? result = default;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = action();
            }
#pragma warning disable CA1031 // Rethrown on the test's thread.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = e;
            }
        })
        { IsBackground = true };
        thread.Start();
        if (!thread.Join(TimeSpan.FromSeconds(seconds)))
        {
            Assert.Fail($"did not finish within {seconds} s: it hangs");
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return result!;
    }

    /// <summary>Opens a FIFO for writing without waiting, so that a reader blocked on it (the defect a test shows) is released.</summary>
    public static void Release(string fifo)
    {
        try
        {
            using var writer = new FileStream(fifo, FileMode.Open, FileAccess.ReadWrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing was waiting.
        }
    }
}
