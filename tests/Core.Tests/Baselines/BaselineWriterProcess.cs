using System.Diagnostics;

namespace EfficiencyMisnomer.Tests.Baselines;

/// <summary>Starts the BaselineWriter test program (built with this project) as a separate process.</summary>
internal static class BaselineWriterProcess
{
    private static string Program => Path.Combine(AppContext.BaseDirectory, "EfficiencyMisnomer.BaselineWriter.dll");

    public static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("the writer process did not start");
    }
}
