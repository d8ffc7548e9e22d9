using System.Runtime.InteropServices;

namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>Device memory of one GPU in bytes, laid out as NVML's <c>nvmlMemory_t</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct GpuMemory(ulong Total, ulong Free, ulong Used);
