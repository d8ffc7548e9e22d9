namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>Device memory in use on a GPU, read from NVML (all processes, as the driver counts it).</summary>
public sealed class NvmlGpuMemoryReader : IGpuMemoryReader
{
    private readonly INvml nvml;
    private readonly int device;

    public NvmlGpuMemoryReader(INvml nvml, int device = 0)
    {
        this.nvml = nvml;
        this.device = device;
    }

    public Reading<long> UsedBytes() => nvml.DeviceMemory(device).Select(memory => (long)memory.Used);
}
