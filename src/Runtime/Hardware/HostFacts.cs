using System.Runtime.InteropServices;

namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>What .NET itself says about the machine: cheap to read on every platform.</summary>
/// <param name="OsFamily"><c>linux</c>, <c>windows</c>, <c>macos</c>, <c>freebsd</c> or <c>unknown</c>.</param>
/// <param name="OsDescription">The operating system's own description (kernel name and version on Linux).</param>
/// <param name="Architecture">The process architecture as .NET names it: <c>x64</c>, <c>arm64</c>, ...</param>
/// <param name="HostName">The machine's name.</param>
/// <param name="LogicalCores">Logical processors available to the process.</param>
/// <param name="TotalMemoryBytes">Memory available to the process (the container's limit when there is one).</param>
/// <param name="DotNetVersion">The .NET runtime, e.g. <c>.NET 10.0.0</c>.</param>
public sealed record HostFacts(
    string OsFamily,
    string OsDescription,
    string Architecture,
    string HostName,
    int LogicalCores,
    long TotalMemoryBytes,
    string DotNetVersion)
{
    public static HostFacts Current() => new(
        OperatingSystem.IsLinux() ? "linux"
            : OperatingSystem.IsWindows() ? "windows"
            : OperatingSystem.IsMacOS() ? "macos"
            : OperatingSystem.IsFreeBSD() ? "freebsd"
            : "unknown",
        RuntimeInformation.OSDescription.Trim(),
        ArchitectureName(RuntimeInformation.ProcessArchitecture),
        Environment.MachineName,
        Environment.ProcessorCount,
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        RuntimeInformation.FrameworkDescription);

    private static string ArchitectureName(Architecture architecture) => architecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "x64",
        System.Runtime.InteropServices.Architecture.X86 => "x86",
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        System.Runtime.InteropServices.Architecture.Arm => "arm",
        _ => architecture.ToString(),
    };
}
