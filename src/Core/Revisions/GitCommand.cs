using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Processes;

namespace EfficiencyMisnomer.Revisions;

/// <summary>
/// Runs the <c>git</c> program with an argument list (never a shell), a deadline and a plain environment (no prompt,
/// no optional locks, messages in English), and returns its exit code, output and error text. A <c>git</c> that is
/// missing or does not finish in time is a coded error at <see cref="Location"/>.
/// </summary>
internal sealed class GitCommand
{
    private const string NotInstalled = "'git' cannot be run ({0}): comparing against a revision reads the base's models from git. Install git, or check the base out into a folder and name that folder instead";
    private const string TimedOut = "'git {0}' did not finish within {1:0} s and was stopped";
    private const int ErrorKept = 600;

    /// <summary>A plain environment: no prompt, no optional locks, messages in English.</summary>
    private static readonly Dictionary<string, string> PlainEnvironment = new(StringComparer.Ordinal)
    {
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["GIT_OPTIONAL_LOCKS"] = "0",
        ["LC_ALL"] = "C",
    };

    /// <summary>How long one git command may take.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    public GitCommand(string workingDirectory, SourceLocation location)
    {
        WorkingDirectory = workingDirectory;
        Location = location;
    }

    public string WorkingDirectory { get; }

    /// <summary>Where errors point: the <c>against</c> key, or the command line.</summary>
    public SourceLocation Location { get; }

    /// <summary>Runs git with <paramref name="arguments"/>; its standard output is collected as text.</summary>
    public GitResult Run(params string[] arguments) => Run(null, arguments);

    /// <summary>Runs git with <paramref name="arguments"/>, copying its standard output into <paramref name="output"/> when given.</summary>
    public GitResult Run(Stream? output, params string[] arguments)
    {
        var start = ChildProcess.StartInfo("git", arguments, WorkingDirectory, PlainEnvironment);
        using var git = new Process { StartInfo = start };
        try
        {
            git.Start();
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            throw new EfficiencyException(ErrorCodes.GitFailed, UserText.Format(NotInstalled, e.Message), Location);
        }

        git.StandardInput.Close();
        var error = git.StandardError.ReadToEndAsync();
        var text = new MemoryStream();
        var copy = git.StandardOutput.BaseStream.CopyToAsync(output ?? text);
        if (!git.WaitForExit(Deadline))
        {
            ChildProcess.Stop(git);
            throw new EfficiencyException(ErrorCodes.GitFailed, UserText.Format(TimedOut, UserText.Quote(string.Join(' ', arguments)), Deadline.TotalSeconds), Location);
        }

        git.WaitForExit();
        copy.GetAwaiter().GetResult();
        var stderr = error.GetAwaiter().GetResult().Trim();
        return new GitResult(git.ExitCode, output is null ? Encoding.UTF8.GetString(text.ToArray()).Trim() : string.Empty,
            stderr.Length > ErrorKept ? stderr[..ErrorKept] : stderr);
    }
}

/// <summary>What a git command returned.</summary>
internal sealed record GitResult(int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;
}
