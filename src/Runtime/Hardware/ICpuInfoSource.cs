namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>Where the processor's model name and core count come from (a file on Linux, the environment on Windows).</summary>
public interface ICpuInfoSource
{
    CpuInfo Read();
}
