namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>The GPU a CUDA measurement runs on, as NVML names it.</summary>
/// <param name="Name">The device name, e.g. <c>NVIDIA H200</c>.</param>
/// <param name="DriverVersion">The NVIDIA driver version.</param>
/// <param name="TotalMemoryBytes">Device memory in bytes.</param>
/// <param name="DeviceCount">How many NVIDIA devices the machine has (the first is described).</param>
public sealed record GpuInfo(string Name, string DriverVersion, long TotalMemoryBytes, int DeviceCount);
