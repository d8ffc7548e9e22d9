namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>Windows names its processor in <c>PROCESSOR_IDENTIFIER</c>; elsewhere without <c>/proc/cpuinfo</c> the model is unknown.</summary>
public sealed class EnvironmentCpuInfo : ICpuInfoSource
{
    public CpuInfo Read() =>
        Environment.GetEnvironmentVariable("PROCESSOR_IDENTIFIER") is { Length: > 0 } identifier
            ? new CpuInfo(identifier.Trim(), null)
            : new CpuInfo(CpuInfo.UnknownModel, null);

    /// <summary>The source for the current operating system.</summary>
    public static ICpuInfoSource ForThisMachine() =>
        OperatingSystem.IsLinux() ? new ProcCpuInfo() : new EnvironmentCpuInfo();
}
