namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>The NVIDIA Management Library calls the tool needs; every answer is a reading, never an exception.</summary>
public interface INvml
{
    Reading<int> DeviceCount();

    Reading<string> DriverVersion();

    Reading<string> DeviceName(int index);

    Reading<GpuMemory> DeviceMemory(int index);

    /// <summary>Energy the device consumed since the driver was loaded, in millijoules (Volta and later).</summary>
    Reading<ulong> TotalEnergyMillijoules(int index);
}
