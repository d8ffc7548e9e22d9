using System.Diagnostics;

namespace EfficiencyMisnomer.Processes;

/// <summary>
/// How the tool starts another program (<c>git</c>, <c>dotnet</c>): an argument list, never a shell, so that no path or
/// revision a user writes is parsed as a command; every stream redirected and no window; and how it stops one that
/// outlived its deadline, with whatever it started.
/// </summary>
public static class ChildProcess
{
    /// <summary>
    /// The start of <paramref name="program"/> with <paramref name="arguments"/>, in <paramref name="workingDirectory"/>
    /// (null: this process's), with <paramref name="environment"/> added to this process's.
    /// </summary>
    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory ?? string.Empty,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Stops <paramref name="process"/> and every process it started, then waits for it; nothing when it has already exited.</summary>
    public static void Stop(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.WaitForExit();
    }
}
