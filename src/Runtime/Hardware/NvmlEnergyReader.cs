namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>A GPU's energy from NVML's total-energy counter (millijoules since the driver loaded; Volta and later).</summary>
public sealed class NvmlEnergyReader : EnergyMeter<ulong>
{
    private readonly INvml nvml;
    private readonly int device;

    public NvmlEnergyReader(INvml nvml, int device = 0)
    {
        this.nvml = nvml;
        this.device = device;
    }

    public override string Source => $"NVML GPU {device}";

    protected override Reading<ulong> Sample() => nvml.TotalEnergyMillijoules(device);

    // A 64-bit millijoule counter does not wrap in the life of a machine; a driver reload resets it.
    protected override double JoulesBetween(ulong first, ulong last) => last >= first ? (last - first) / 1000.0 : last / 1000.0;
}
