using EfficiencyMisnomer.Runtime.Hardware;

namespace EfficiencyMisnomer.Runtime.Tests.Hardware;

/// <summary>The fingerprint from canned sources: CPU from cpuinfo, GPU from NVML or its absence, and a stable id.</summary>
public sealed class HardwareFingerprintReaderTests
{
    [Test]
    public void Cpu_machine_from_canned_cpuinfo()
    {
        var machine = Machines.Fingerprint();
        Assert.Multiple(() =>
        {
            Assert.That(machine.Provider, Is.EqualTo("cpu"));
            Assert.That(machine.Cpu, Is.EqualTo(new CpuInfo(Machines.EpycModel, 4)));
            Assert.That(machine.Host.LogicalCores, Is.EqualTo(8));
            Assert.That(machine.OnnxRuntimeVersion, Does.StartWith("1.31"));
            Assert.That(machine.Id, Does.Match("^[0-9a-f]{12}$"));
        });
    }

    [Test]
    public void Nvml_absent_gives_no_gpu_and_the_reason()
    {
        var machine = Machines.Fingerprint(nvml: FakeNvml.Absent("NVML unavailable: libnvidia-ml.so.1 could not be loaded"));
        Assert.Multiple(() =>
        {
            Assert.That(machine.Gpu, Is.Null);
            Assert.That(machine.GpuUnavailableReason, Is.EqualTo("NVML unavailable: libnvidia-ml.so.1 could not be loaded"));
            Assert.That(machine.GpuDescription, Does.StartWith("none (NVML unavailable: "));
        });
    }

    [Test]
    public void Fake_nvml_present_names_the_gpu_driver_and_memory()
    {
        var machine = Machines.Fingerprint("cuda", FakeNvml.Present());
        Assert.Multiple(() =>
        {
            Assert.That(machine.Gpu, Is.EqualTo(new GpuInfo("NVIDIA H200", "570.86.15", 143_771_369_472, 1)));
            Assert.That(machine.GpuUnavailableReason, Is.Null);
            Assert.That(machine.Provider, Is.EqualTo("cuda"));
        });
    }

    [Test]
    public void Nvml_with_no_device_is_no_gpu() =>
        Assert.That(Machines.Fingerprint(nvml: new NvmlWithoutDevices()).GpuUnavailableReason, Is.EqualTo("NVML reports no NVIDIA device"));

    [TestCase(true, "cuda")]
    [TestCase(false, "cpu")]
    public void Auto_is_cuda_only_where_a_gpu_is_seen(bool gpu, string expected) =>
        Assert.That(Machines.Fingerprint("auto", gpu ? FakeNvml.Present() : FakeNvml.Absent()).Provider, Is.EqualTo(expected));

    [Test]
    public void Id_ignores_host_name_versions_and_free_memory()
    {
        var nvml = FakeNvml.Present();
        var before = Machines.Fingerprint("cuda", nvml);
        nvml.Memory = nvml.Memory with { Free = 1, Used = nvml.Memory.Total - 1 };
        var after = Machines.Fingerprint("cuda", nvml, Machines.Host with { HostName = "another-runner", OsDescription = "Linux 6.9.1", DotNetVersion = ".NET 10.0.5" });
        Assert.That(after.Id, Is.EqualTo(before.Id));
    }

    [Test]
    public void Id_changes_with_identity_fields() =>
        Assert.Multiple(() =>
        {
            var reference = Machines.Fingerprint().Id;
            Assert.That(Machines.Fingerprint("cuda").Id, Is.Not.EqualTo(reference));
            Assert.That(Machines.Fingerprint(host: Machines.Host with { LogicalCores = 16 }).Id, Is.Not.EqualTo(reference));
            Assert.That(Machines.Fingerprint(host: Machines.Host with { Architecture = "arm64" }).Id, Is.Not.EqualTo(reference));
        });

    private sealed class NvmlWithoutDevices : INvml
    {
        public Reading<int> DeviceCount() => Reading.Of(0);

        public Reading<string> DriverVersion() => Reading.Of("570.86.15");

        public Reading<string> DeviceName(int index) => Reading.Unavailable<string>("no device");

        public Reading<GpuMemory> DeviceMemory(int index) => Reading.Unavailable<GpuMemory>("no device");

        public Reading<ulong> TotalEnergyMillijoules(int index) => Reading.Unavailable<ulong>("no device");
    }
}
