using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Files;
using EfficiencyMisnomer.Processes;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Benchmarks;

/// <summary>
/// Runs a benchmark entry's project as BenchmarkDotNet's command line asks to be run:
/// <c>dotnet run -c Release --project PROJECT -- --filter * --exporters fulljson --artifacts ARTIFACTS ARGUMENTS</c>, from
/// the project's folder, with an argument list (never a shell), no input and a deadline. BenchmarkDotNet builds and
/// starts a process of its own per case and launch; what the run prints is kept only to explain a failure.
/// </summary>
public sealed class BenchmarkProjectRunner
{
    private const string Running = "running benchmark '{0}': {1}";
    private const string Finished = "benchmark '{0}': BenchmarkDotNet finished in {1} s";
    private const string CannotStart = "benchmark '{0}': '{1}' cannot be run ({2}); running a benchmark project needs the .NET SDK on the PATH";
    private const string NoProject = "benchmark '{0}': the project '{1}' does not exist";
    private const string NotAProject = "benchmark '{0}': the project '{1}' is {2}, not a project file or its folder";
    private const string Failed = "benchmark '{0}': '{1}' exited with code {2}; the last lines it printed: {3}";
    private const string TimedOut = "benchmark '{0}': '{1}' did not finish within {2} and was stopped";
    private const int LinesKept = 12, LineLength = 300;

    /// <summary>No telemetry notice or logo in what the run prints.</summary>
    private static readonly Dictionary<string, string> QuietEnvironment = new(StringComparer.Ordinal)
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };

    /// <summary>How long one project's run may take by default: BenchmarkDotNet's default jobs take minutes per case.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromHours(1);

    private readonly string program;
    private readonly TimeSpan deadline;
    private readonly Action<string>? progress;

    /// <param name="program">The .NET host to run (<c>dotnet</c>, found on the PATH).</param>
    /// <param name="deadline">How long one run may take; <see cref="DefaultDeadline"/> by default.</param>
    /// <param name="progress">Receives a line when a run starts and ends, and BenchmarkDotNet's "remained" lines in between.</param>
    public BenchmarkProjectRunner(string program = "dotnet", TimeSpan? deadline = null, Action<string>? progress = null)
    {
        this.program = program;
        this.deadline = deadline ?? DefaultDeadline;
        this.progress = progress;
    }

    /// <summary>
    /// Runs the entry's project (<paramref name="project"/> and <paramref name="artifacts"/> default to its own; a base
    /// checkout's run names its copies); null when it succeeded, else an error at the entry's <c>project</c>.
    /// </summary>
    public Diagnostic? Run(BenchmarkEntry entry, string? project = null, string? artifacts = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var declared = entry.Project ?? throw new ArgumentException("The entry names no project.", nameof(entry));
        // The run starts in the project's folder: both paths are made absolute first.
        project = Path.GetFullPath(project ?? declared.ResolvedPath);
        artifacts = Path.GetFullPath(artifacts ?? declared.ResolvedArtifacts);
        var name = UserText.Quote(entry.Name);
        var kind = KindOf(project);
        if (kind is not (FileKind.Regular or FileKind.Directory))
        {
            // A FIFO or device named like a project would leave 'dotnet' waiting on it until the deadline.
            var why = kind == FileKind.Missing
                ? UserText.Format(NoProject, name, UserText.Quote(project))
                : UserText.Format(NotAProject, name, UserText.Quote(project), kind.Describe());
            return Diagnostic.Error(ErrorCodes.BenchmarkProjectFailed, why, declared.Path.Location);
        }

        var arguments = Arguments(declared, project, artifacts);
        var command = UserText.Quote(program + " " + string.Join(' ', arguments));
        progress?.Invoke(UserText.Format(Running, name, command));
        var clock = Stopwatch.StartNew();
        var (exit, tail, failure) = Execute(arguments, kind == FileKind.Directory ? project : Path.GetDirectoryName(project)!, name);
        var failed = failure switch
        {
            Failure.CannotStart => UserText.Format(CannotStart, name, UserText.Quote(program), UserText.Escape(tail)),
            Failure.TimedOut => UserText.Format(TimedOut, name, command, deadline < TimeSpan.FromMinutes(1)
                ? deadline.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s"
                : deadline.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture) + " min"),
            _ when exit != 0 => UserText.Format(Failed, name, command, exit, UserText.Escape(tail)),
            _ => null,
        };
        if (failed is not null)
        {
            return Diagnostic.Error(ErrorCodes.BenchmarkProjectFailed, failed, declared.Path.Location);
        }

        progress?.Invoke(UserText.Format(Finished, name, clock.Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)));
        return null;
    }

    /// <summary>Whether <paramref name="path"/> can be a project to run: a regular file or a folder, links followed.</summary>
    public static bool IsProject(string path) => KindOf(path) is FileKind.Regular or FileKind.Directory;

    private static FileKind KindOf(string path)
    {
        try
        {
            return FileProbe.Status(path, followLinks: true).Kind;
        }
        catch (Exception e) when (FileFailure.Is(e))
        {
            return FileKind.Other;
        }
    }

    /// <summary>The command line after the program: our filter only where the entry's arguments have none.</summary>
    private static List<string> Arguments(BenchmarkProject declared, string project, string artifacts)
    {
        var arguments = new List<string> { "run", "-c", "Release", "--project", project, "--" };
        if (!declared.Arguments.Any(a => a.Value.Split('=', 2)[0] is "--filter" or "-f"))
        {
            arguments.Add("--filter");
            arguments.Add("*");
        }

        arguments.Add("--exporters");
        arguments.Add("fulljson");
        arguments.Add("--artifacts");
        arguments.Add(artifacts);
        arguments.AddRange(declared.Arguments.Select(a => a.Value));
        return arguments;
    }

    private enum Failure
    {
        None,
        CannotStart,
        TimedOut,
    }

    private (int Exit, string Tail, Failure Failure) Execute(IReadOnlyList<string> arguments, string folder, string name)
    {
        var start = ChildProcess.StartInfo(program, arguments, folder, QuietEnvironment);
        var lines = new Queue<string>();
        using var run = new Process { StartInfo = start };
        run.OutputDataReceived += (_, e) => Keep(lines, e.Data, name);
        run.ErrorDataReceived += (_, e) => Keep(lines, e.Data, name);
        try
        {
            run.Start();
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            return (-1, e.Message, Failure.CannotStart);
        }

        run.StandardInput.Close();
        run.BeginOutputReadLine();
        run.BeginErrorReadLine();
        if (!run.WaitForExit(deadline))
        {
            ChildProcess.Stop(run);
            return (-1, "", Failure.TimedOut);
        }

        run.WaitForExit(); // drains the output readers
        lock (lines)
        {
            return (run.ExitCode, string.Join(" | ", lines), Failure.None);
        }
    }

    private void Keep(Queue<string> lines, string? line, string name)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        lock (lines)
        {
            // BenchmarkDotNet says how far it is in lines like "// ** Remained 3 (75.0 %) benchmark(s) to run. Estimated finish ...".
            if (line.StartsWith("// ** Remained", StringComparison.Ordinal))
            {
                progress?.Invoke($"benchmark '{name}': {UserText.Escape(line[3..].Trim('*', ' '))}");
            }

            var kept = line.Trim();
            lines.Enqueue(kept.Length > LineLength ? kept[..LineLength] + "…" : kept);
            if (lines.Count > LinesKept)
            {
                lines.Dequeue();
            }
        }
    }
}
