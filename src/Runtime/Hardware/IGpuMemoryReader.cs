namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>Device memory in use now; the measurement takes the difference around a session for <c>gpu_memory</c>.</summary>
public interface IGpuMemoryReader
{
    Reading<long> UsedBytes();
}
