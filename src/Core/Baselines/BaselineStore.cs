using System.Diagnostics;
using System.Globalization;
using System.Text;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Baselines;

/// <summary>
/// Reads baseline files, and updates them so that no writer loses another's entries and no reader ever sees half a
/// file: read-modify-write under a cross-process lock (<c>BASELINE.lock</c> opened exclusively; the operating system
/// releases it when its process dies, so a killed writer never blocks the next one), the new content written to a
/// temporary file in the same folder, then renamed over the old file.
/// </summary>
public sealed class BaselineStore
{
    /// <summary>How long an update waits for another process's lock by default.</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(30);

    private const string CannotRead = "{0}: cannot read the baseline file: {1}";
    private const string CannotWrite = "{0}: cannot write the baseline file: {1}";
    private const string Locked = "{0}: the baseline is being updated by another process, which has held its lock file '{1}' for more than {2} s; wait for it to finish, or end it";
    private const string TemporarySuffix = ".tmp";

    /// <summary>The store with the default lock timeout, writing through plain files.</summary>
    public static BaselineStore Default { get; } = new();

    /// <summary>How long an update waits for another process's lock before it gives up with <see cref="ErrorCodes.BaselineLocked"/>.</summary>
    public TimeSpan LockTimeout { get; init; } = DefaultLockTimeout;

    /// <summary>
    /// Opens the temporary file new content is written to. A different opener (a slower or failing stream) shows what
    /// readers and later writers see when a writer dies half-way.
    /// </summary>
    public Func<string, Stream> CreateTemporary { get; init; } = path => new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);

    /// <summary>The lock file of <paramref name="baselinePath"/>; it stays beside the baseline (deleting it would let two writers in).</summary>
    public static string LockPath(string baselinePath) => Path.GetFullPath(baselinePath) + ".lock";

    /// <summary>The baseline at <paramref name="path"/>, or null when there is none yet.</summary>
    public static Baseline? Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EfficiencyException(ErrorCodes.BaselineUnreadable, Text(CannotRead, path, e.Message));
        }

        return BaselineJson.Parse(text, path);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the baseline at <paramref name="path"/> (null when there is none yet) and
    /// writes the result, all under the baseline's lock. Returns what was written.
    /// </summary>
    public Baseline Update(string path, Func<Baseline?, Baseline> change)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(change);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EfficiencyException(ErrorCodes.BaselineUnwritable, Text(CannotWrite, path, e.Message));
        }

        using var held = Acquire(path, full);
        RemoveAbandoned(full);
        var updated = change(Read(full));
        Write(path, full, BaselineJson.Write(updated));
        return updated;
    }

    private FileStream Acquire(string path, string full)
    {
        var lockPath = LockPath(full);
        var clock = Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new EfficiencyException(ErrorCodes.BaselineUnwritable, Text(CannotWrite, path, e.Message));
            }
            catch (IOException e) when (Directory.Exists(Path.GetDirectoryName(lockPath)) && e is not PathTooLongException)
            {
                // Held by another writer (or another handle of this process): wait, a little longer each time.
                if (clock.Elapsed >= LockTimeout)
                {
                    throw new EfficiencyException(ErrorCodes.BaselineLocked,
                        Text(Locked, path, lockPath, LockTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)));
                }

                Thread.Sleep(pause);
                pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 200));
            }
            catch (IOException e)
            {
                throw new EfficiencyException(ErrorCodes.BaselineUnwritable, Text(CannotWrite, path, e.Message));
            }
        }
    }

    private void Write(string path, string full, string text)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}{TemporarySuffix}");
        try
        {
            using (var stream = CreateTemporary(temporary))
            {
                stream.Write(Encoding.UTF8.GetBytes(text));
                stream.Flush();
                if (stream is FileStream file)
                {
                    // On disk before the rename, so that a crash cannot leave the new name on empty content.
                    file.Flush(flushToDisk: true);
                }
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EfficiencyException(ErrorCodes.BaselineUnwritable, Text(CannotWrite, path, e.Message));
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>Temporary files of writers that died before their rename; only the lock's holder may remove them.</summary>
    private static void RemoveAbandoned(string full)
    {
        var folder = Path.GetDirectoryName(full)!;
        foreach (var abandoned in Directory.EnumerateFiles(folder, $".{Path.GetFileName(full)}.*{TemporarySuffix}"))
        {
            TryDelete(abandoned);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next writer to remove; it is never read as the baseline.
        }
    }

    private static string Text(string template, params object[] args) => string.Format(CultureInfo.InvariantCulture, template, args);
}
