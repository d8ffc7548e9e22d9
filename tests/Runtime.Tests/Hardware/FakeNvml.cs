using EfficiencyMisnomer.Runtime.Hardware;

namespace EfficiencyMisnomer.Runtime.Tests.Hardware;

/// <summary>NVML answers chosen by the test: a present GPU, or NVML absent with a reason.</summary>
internal sealed class FakeNvml : INvml
{
    private readonly string? unavailable;

    private FakeNvml(string? unavailable) => this.unavailable = unavailable;

    public string Name { get; init; } = "NVIDIA H200";

    public string Driver { get; init; } = "570.86.15";

    public GpuMemory Memory { get; set; } = new(143_771_369_472, 143_000_000_000, 771_369_472);

    public ulong EnergyMillijoules { get; set; } = 1_000_000;

    public int Devices { get; init; } = 1;

    public static FakeNvml Present() => new(null);

    public static FakeNvml Absent(string reason = "NVML unavailable: libnvidia-ml.so.1 could not be loaded") => new(reason);

    public Reading<int> DeviceCount() => Answer(Devices);

    public Reading<string> DriverVersion() => Answer(Driver);

    public Reading<string> DeviceName(int index) => Answer(Name);

    public Reading<GpuMemory> DeviceMemory(int index) => Answer(Memory);

    public Reading<ulong> TotalEnergyMillijoules(int index) => Answer(EnergyMillijoules);

    private Reading<T> Answer<T>(T value) => unavailable is null ? Reading.Of(value) : Reading.Unavailable<T>(unavailable);
}
