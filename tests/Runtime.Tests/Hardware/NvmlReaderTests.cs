using EfficiencyMisnomer.Runtime.Hardware;

namespace EfficiencyMisnomer.Runtime.Tests.Hardware;

/// <summary>GPU energy and memory from fake NVML answers.</summary>
public sealed class NvmlReaderTests
{
    [Test]
    public void Energy_is_the_millijoule_counter_difference_in_joules()
    {
        var nvml = FakeNvml.Present();
        var meter = new NvmlEnergyReader(nvml);
        meter.Start();
        nvml.EnergyMillijoules += 12_345;
        Assert.Multiple(() =>
        {
            Assert.That(meter.Stop().Value, Is.EqualTo(12.345).Within(1e-9));
            Assert.That(meter.Source, Is.EqualTo("NVML GPU 0"));
        });
    }

    [Test]
    public void Energy_without_nvml_is_unavailable_with_the_reason()
    {
        var meter = new NvmlEnergyReader(FakeNvml.Absent("NVML unavailable: test"));
        meter.Start();
        Assert.That(meter.Stop().UnavailableReason, Is.EqualTo("NVML unavailable: test"));
    }

    [Test]
    public void Stop_before_start_is_a_defect() =>
        Assert.That(() => new NvmlEnergyReader(FakeNvml.Present()).Stop(), Throws.InvalidOperationException);

    [Test]
    public void Gpu_memory_is_the_used_bytes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new NvmlGpuMemoryReader(FakeNvml.Present()).UsedBytes().Value, Is.EqualTo(771_369_472));
            Assert.That(new NvmlGpuMemoryReader(FakeNvml.Absent("NVML unavailable: test")).UsedBytes().UnavailableReason, Is.EqualTo("NVML unavailable: test"));
        });
    }
}
