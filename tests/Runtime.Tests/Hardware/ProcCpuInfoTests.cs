using EfficiencyMisnomer.Runtime.Hardware;

namespace EfficiencyMisnomer.Runtime.Tests.Hardware;

/// <summary>/proc/cpuinfo: the model name, and physical cores told apart from hyper-threads.</summary>
public sealed class ProcCpuInfoTests
{
    [Test]
    public void Model_and_physical_cores_of_a_two_socket_machine() =>
        Assert.That(ProcCpuInfo.Parse(Machines.EpycCpuInfo()), Is.EqualTo(new CpuInfo(Machines.EpycModel, 4)));

    [Test]
    public void Runs_of_spaces_in_the_model_name_are_collapsed() =>
        Assert.That(ProcCpuInfo.Parse("model name\t: Intel(R) Xeon(R)   CPU  @ 2.20GHz\n").Model, Is.EqualTo("Intel(R) Xeon(R) CPU @ 2.20GHz"));

    [Test]
    public void Arm_kernels_name_the_hardware_and_may_not_number_cores() =>
        Assert.That(ProcCpuInfo.Parse("processor\t: 0\nBogoMIPS\t: 50.00\nHardware\t: BCM2835\n"), Is.EqualTo(new CpuInfo("BCM2835", null)));

    [Test]
    public void Without_core_ids_the_per_package_count_is_used() =>
        Assert.That(ProcCpuInfo.Parse("model name : X\ncpu cores : 6\n").PhysicalCores, Is.EqualTo(6));

    [Test]
    public void An_unreadable_file_gives_an_unknown_model() =>
        Assert.That(new ProcCpuInfo(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))).Read(), Is.EqualTo(new CpuInfo(CpuInfo.UnknownModel, null)));
}
