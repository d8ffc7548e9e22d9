using EfficiencyMisnomer.Runtime.Sessions;
namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>Reads the fingerprint of this machine from its sources: CPU information, NVML and .NET.</summary>
public sealed class HardwareFingerprintReader
{
    private readonly ICpuInfoSource cpu;
    private readonly INvml nvml;
    private readonly Func<HostFacts> host;

    public HardwareFingerprintReader(ICpuInfoSource cpu, INvml nvml, Func<HostFacts>? host = null)
    {
        this.cpu = cpu;
        this.nvml = nvml;
        this.host = host ?? HostFacts.Current;
    }

    /// <summary>The fingerprint, with <paramref name="provider"/> (<c>auto</c>, <c>cpu</c> or <c>cuda</c>) resolved.</summary>
    public HardwareFingerprint Read(string provider)
    {
        var gpu = ReadGpu();
        return new HardwareFingerprint(
            ExecutionProviders.Resolve(provider, gpu.IsAvailable),
            cpu.Read(),
            host(),
            RuntimeInfo.OnnxRuntimeVersion,
            gpu.Value,
            gpu.UnavailableReason);
    }

    private Reading<GpuInfo> ReadGpu()
    {
        var count = nvml.DeviceCount();
        if (!count.IsAvailable)
        {
            return Reading.Unavailable<GpuInfo>(count.UnavailableReason!);
        }

        if (count.Value == 0)
        {
            return Reading.Unavailable<GpuInfo>("NVML reports no NVIDIA device");
        }

        var name = nvml.DeviceName(0);
        var driver = nvml.DriverVersion();
        var memory = nvml.DeviceMemory(0);
        if (!name.IsAvailable)
        {
            return Reading.Unavailable<GpuInfo>(name.UnavailableReason!);
        }

        return Reading.Of(new GpuInfo(
            name.Value!,
            driver.Value ?? "unknown",
            memory.IsAvailable ? (long)memory.Value.Total : 0,
            count.Value));
    }
}
