using System.Diagnostics;
using System.Globalization;
using System.Text;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Files;

namespace EfficiencyMisnomer.Baselines;

/// <summary>
/// Reads baseline files, and updates them so that no writer loses another's entries and no reader ever sees half a
/// file: read-modify-write under a cross-process lock (a lock file opened exclusively, in the repository's git folder, see
/// <see cref="LockPath"/>; the operating system
/// releases it when its process dies, so a killed writer never blocks the next one), the new content written to a
/// temporary file in the same folder, then renamed over the old file.
/// </summary>
public sealed class BaselineStore
{
    /// <summary>How long an update waits for another process's lock by default.</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(30);

    private const string CannotWrite = "{0}: cannot write the baseline file: {1}";
    private const string Locked = "{0}: the baseline is being updated by another process, which has held its lock file '{1}' for more than {2} s; wait for it to finish, or end it";

    /// <summary>The store with the default lock timeout, writing through plain files.</summary>
    public static BaselineStore Default { get; } = new();

    /// <summary>How long an update waits for another process's lock before it gives up with <see cref="ErrorCodes.BaselineLocked"/>.</summary>
    public TimeSpan LockTimeout { get; init; } = DefaultLockTimeout;

    /// <summary>
    /// Opens the temporary file new content is written to. A different opener (a slower or failing stream) shows what
    /// readers and later writers see when a writer dies half-way.
    /// </summary>
    public Func<string, Stream> CreateTemporary { get; init; } = path => new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);

    /// <summary>
    /// Opens the lock file exclusively. A different opener shows how a failure to open it is told apart from a lock
    /// another process holds.
    /// </summary>
    public Func<string, FileStream> OpenLock { get; init; } = path => new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

    /// <summary>
    /// The lock file of <paramref name="baselinePath"/>. Inside a git repository it lives in the repository's own git
    /// folder (<c>.git/efficiency-misnomer/locks/</c>), named by the baseline's path within the repository: never beside
    /// the baseline, where it would be committed, and the same file for every process working on that checkout, a
    /// container that mounts it included. Outside a repository it is <c>BASELINE.lock</c> beside the baseline. It is never
    /// deleted (that would let two writers in).
    /// </summary>
    public static string LockPath(string baselinePath)
    {
        var full = Path.GetFullPath(baselinePath);
        for (var folder = new DirectoryInfo(Path.GetDirectoryName(full)!); folder is not null; folder = folder.Parent)
        {
            var dotGit = Path.Combine(folder.FullName, ".git");
            var gitFolder = Directory.Exists(dotGit) ? dotGit : File.Exists(dotGit) ? LinkedGitFolder(dotGit, folder.FullName) : null;
            if (gitFolder is not null)
            {
                var relative = Path.GetRelativePath(folder.FullName, full).Replace('\\', '/');
                var name = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(relative)))[..32].ToLowerInvariant();
                return Path.Combine(gitFolder, "efficiency-misnomer", "locks", name + ".lock");
            }

            if (Directory.Exists(dotGit) || File.Exists(dotGit))
            {
                break;
            }
        }

        return full + ".lock";
    }

    /// <summary>The git folder a <c>.git</c> file points to (<c>gitdir: PATH</c>, in worktrees and submodules); null when it names none that exists.</summary>
    private static string? LinkedGitFolder(string dotGitFile, string folder)
    {
        try
        {
            using var reader = new StreamReader(dotGitFile);
            var line = reader.ReadLine();
            const string prefix = "gitdir:";
            if (line is null || !line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return null;
            }

            var target = Path.GetFullPath(Path.Combine(folder, line[prefix.Length..].Trim()));
            return Directory.Exists(target) ? target : null;
        }
        catch (Exception e) when (FileFailure.Is(e))
        {
            return null;
        }
    }

    /// <summary>The baseline at <paramref name="path"/>, or null when there is none yet. Read through <see cref="InputFile"/>: a regular file of at most 64 MiB.</summary>
    public static Baseline? Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return InputFile.ReadAllTextIfExists(path, FileRole.Baseline) is { } text ? BaselineJson.Parse(text, path) : null;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the baseline at <paramref name="path"/> (null when there is none yet) and
    /// writes the result, all under the baseline's lock. Returns what was written.
    /// </summary>
    public Baseline Update(string path, Func<Baseline?, Baseline> change)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(change);
        // A link, FIFO or device where the baseline goes is refused before anything is created or locked.
        OutputFile.RequireReplaceable(path, FileRole.Baseline);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (FileFailure.Is(e))
        {
            throw new EfficiencyException(ErrorCodes.BaselineUnwritable, UserText.Format(CannotWrite, UserText.Quote(path), e.Message));
        }

        using var held = Acquire(path, full);
        RemoveAbandoned(full);
        var updated = change(Read(full));
        var bytes = Encoding.UTF8.GetBytes(BaselineJson.Write(updated));
        OutputFile.Write(full, FileRole.Baseline, stream => stream.Write(bytes), createTemporary: CreateTemporary);
        return updated;
    }

    /// <summary>
    /// The baseline's lock, held until disposed. Only a lock held by another handle is waited for (up to
    /// <see cref="LockTimeout"/>); any other failure to open the lock file (a read-only folder or file system, no
    /// space) cannot pass by waiting and is <see cref="ErrorCodes.BaselineUnwritable"/> at once.
    /// </summary>
    private FileStream Acquire(string path, string full)
    {
        var lockPath = LockPath(full);
        OutputFile.RequireReplaceable(lockPath, FileRole.Baseline);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        }
        catch (Exception e) when (FileFailure.Is(e))
        {
            throw new EfficiencyException(ErrorCodes.BaselineUnwritable, UserText.Format(CannotWrite, UserText.Quote(path), e.Message));
        }

        var clock = Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            try
            {
                var stream = OpenLock(lockPath);
                RequireRegular(stream, lockPath);
                return stream;
            }
            catch (IOException e) when (FileFailure.IsLockHeld(e))
            {
                // Held by another writer (or another handle of this process): wait, a little longer each time.
                if (clock.Elapsed >= LockTimeout)
                {
                    throw new EfficiencyException(ErrorCodes.BaselineLocked,
                        UserText.Format(Locked, UserText.Quote(path), UserText.Quote(lockPath), LockTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)));
                }

                Thread.Sleep(pause);
                pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 200));
            }
            catch (Exception e) when (FileFailure.Is(e))
            {
                throw new EfficiencyException(ErrorCodes.BaselineUnwritable, UserText.Format(CannotWrite, UserText.Quote(path), e.Message));
            }
        }
    }

    /// <summary>The lock file opened must be a regular file: one swapped for a FIFO or device since it was looked at is refused.</summary>
    private static void RequireRegular(FileStream stream, string lockPath)
    {
        FileKind kind;
        try
        {
            kind = FileProbe.Status(stream.SafeFileHandle, lockPath).Kind;
        }
        catch
        {
            stream.Dispose();
            throw;
        }

        if (kind != FileKind.Regular)
        {
            stream.Dispose();
            OutputFile.RequireReplaceable(lockPath, FileRole.Baseline);
            throw new EfficiencyException(ErrorCodes.OutputNotReplaceable, $"{UserText.Quote(lockPath)}: the baseline's lock file is {kind.Describe()}, not a regular file");
        }
    }

    /// <summary>Temporary files of writers that died before their rename; only the lock's holder may remove them.</summary>
    private static void RemoveAbandoned(string full)
    {
        var folder = Path.GetDirectoryName(full)!;
        try
        {
            foreach (var abandoned in Directory.EnumerateFiles(folder, $".{Path.GetFileName(full)}.*{OutputFile.TemporarySuffix}"))
            {
                OutputFile.TryDelete(abandoned);
            }
        }
        catch (Exception e) when (FileFailure.Is(e))
        {
            // Left for the next writer; they are never read as the baseline.
        }
    }

}
