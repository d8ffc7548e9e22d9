using System.Diagnostics;

namespace EfficiencyMisnomer.Cli.Tests;

/// <summary>Runs the command line in-process and captures what it prints.</summary>
internal static class CliRunner
{
    /// <summary>
    /// Runs the tool as a process of its own, its standard input a pipe fed <paramref name="stdin"/>, killed after
    /// <paramref name="seconds"/>: for what must not hang and cannot be shown in-process (the process's own stdin).
    /// </summary>
    public static (int ExitCode, string Stdout, string Stderr, bool Hung) RunProcess(string stdin, double seconds, params string[] args) =>
        RunProcess(stdin, seconds, new Dictionary<string, string>(), args);

    /// <summary>As <see cref="RunProcess(string, double, string[])"/>, with <paramref name="environment"/> added to the tool's environment.</summary>
    public static (int ExitCode, string Stdout, string Stderr, bool Hung) RunProcess(string stdin, double seconds, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "misnomer.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(tool);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin);
        process.StandardInput.Flush();
        // The pipe stays open: a reader that waits for its end would wait for the deadline.
        var finished = process.WaitForExit(TimeSpan.FromSeconds(seconds));
        if (!finished)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.StandardInput.Close();
        return (finished ? process.ExitCode : -1, stdout.Result, stderr.Result, !finished);
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = MisnomerCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A fresh folder under the test's work directory, removed by the caller's TearDown if wanted.</summary>
    public static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "misnomer-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
