using System.Diagnostics;

namespace EfficiencyMisnomer.Testing;

/// <summary>A throw-away git repository for tests: files written, committed, cloned; git run without a shell.</summary>
internal sealed class GitRepository : IDisposable
{
    public GitRepository(string? root = null)
    {
        Root = root ?? Path.Combine(Path.GetTempPath(), "misnomer-git-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public static GitRepository Init()
    {
        var repository = new GitRepository();
        repository.Git("init", "-q", "-b", "main");
        return repository;
    }

    /// <summary>A shallow clone (depth 1) of <paramref name="origin"/>.</summary>
    public static GitRepository ShallowClone(GitRepository origin)
    {
        var clone = new GitRepository();
        Directory.Delete(clone.Root);
        new GitRepository(Path.GetDirectoryName(clone.Root)).Git("clone", "-q", "--depth", "1", "file://" + origin.Root, clone.Root);
        return clone;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public string Write(string relative, byte[] bytes)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Write(string relative, string text) => Write(relative, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Commits everything; returns the new commit's id.</summary>
    public string Commit(string message)
    {
        Git("add", "-A");
        Git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", message);
        return Git("rev-parse", "HEAD");
    }

    public string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        if (git.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error}");
        }

        return output.Trim();
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal); // git's objects are read-only
            }

            Directory.Delete(Root, recursive: true);
        }
    }
}
