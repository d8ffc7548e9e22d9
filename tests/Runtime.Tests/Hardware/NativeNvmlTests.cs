using EfficiencyMisnomer.Runtime.Hardware;

namespace EfficiencyMisnomer.Runtime.Tests.Hardware;

/// <summary>The real NVML binding: a library that is not there is a reason, never an exception.</summary>
public sealed class NativeNvmlTests
{
    [Test]
    public void A_missing_library_is_unavailable_with_its_name()
    {
        using var nvml = new NativeNvml("libnvidia-ml-not-installed.so.1");
        Assert.Multiple(() =>
        {
            Assert.That(nvml.DeviceCount().UnavailableReason, Is.EqualTo("NVML unavailable: libnvidia-ml-not-installed.so.1 could not be loaded (no NVIDIA driver on this machine?)"));
            Assert.That(nvml.DeviceName(0).IsAvailable, Is.False);
            Assert.That(nvml.TotalEnergyMillijoules(0).IsAvailable, Is.False);
        });
    }

    [Test]
    public void A_platform_without_nvml_says_so()
    {
        using var nvml = new NativeNvml(libraryName: null);
        Assert.That(nvml.DriverVersion().UnavailableReason, Does.StartWith("NVML unavailable: no NVIDIA Management Library on "));
    }

    [Test]
    public void This_machine_answers_without_throwing()
    {
        using var nvml = new NativeNvml();
        var count = nvml.DeviceCount();
        if (count.IsAvailable && count.Value > 0)
        {
            Assert.That(nvml.DeviceName(0).Value, Is.Not.Empty);
        }
        else
        {
            Assert.That(count.IsAvailable ? "no device" : count.UnavailableReason, Is.Not.Empty);
        }
    }
}
