using System.CommandLine;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Runtime.Hardware;

namespace EfficiencyMisnomer.Cli;

/// <summary><c>misnomer hardware [--provider auto|cpu|cuda] [--format text|json]</c>: this machine's fingerprint and a profile to paste.</summary>
internal static class HardwareCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var provider = new Option<string>("--provider", "-p")
        {
            Description = "Execution provider to fingerprint for; auto is cuda where an NVIDIA GPU is seen, cpu otherwise.",
            DefaultValueFactory = _ => ExecutionProviders.Auto,
        };
        provider.AcceptOnlyFromAmong(ExecutionProviders.Choices.ToArray());
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("hardware", "Print this machine's hardware fingerprint and a matching profile to paste into a spec.") { provider, format };
        command.SetAction(result =>
        {
            using var nvml = new NativeNvml();
            var machine = new HardwareFingerprintReader(EnvironmentCpuInfo.ForThisMachine(), nvml).Read(result.GetValue(provider)!);
            if (machine.Provider == ExecutionProviders.Cuda && machine.Gpu is null)
            {
                stderr.WriteLine(Diagnostic.Warning(ErrorCodes.GpuUnavailable, 
                    $"provider 'cuda' was asked for, but {machine.GpuUnavailableReason}; profiles matching 'provider: cuda' are skipped on this machine").ToString());
            }

            stdout.Write(result.GetValue(format) == "json" ? HardwareReport.Json(machine) + Environment.NewLine : HardwareReport.Text(machine));
            return MisnomerCli.Success;
        });
        return command;
    }
}
