using EfficiencyMisnomer.Runtime.Hardware;

namespace EfficiencyMisnomer.Runtime.Tests.Hardware;

/// <summary>Canned machines: a two-socket EPYC's /proc/cpuinfo and fixed host facts.</summary>
internal static class Machines
{
    public const string EpycModel = "AMD EPYC 7763 64-Core Processor";

    public static readonly HostFacts Host = new("linux", "Linux 6.8.0-1017-azure #20-Ubuntu SMP", "x64", "ci-runner-17", 8, 32L << 30, ".NET 10.0.0");

    /// <summary>Two packages of two cores with two threads each: 8 logical, 4 physical.</summary>
    public static string EpycCpuInfo()
    {
        var text = new System.Text.StringBuilder();
        var processor = 0;
        foreach (var package in new[] { 0, 1 })
        {
            foreach (var core in new[] { 0, 1 })
            {
                foreach (var _ in new[] { 0, 1 })
                {
                    text.Append($"processor\t: {processor++}\nvendor_id\t: AuthenticAMD\nmodel name\t: {EpycModel}\n")
                        .Append($"physical id\t: {package}\nsiblings\t: 4\ncore id\t\t: {core}\ncpu cores\t: 2\nflags\t\t: fpu vme de\n\n");
                }
            }
        }

        return text.ToString();
    }

    public static HardwareFingerprint Fingerprint(string provider = "cpu", INvml? nvml = null, HostFacts? host = null) =>
        new HardwareFingerprintReader(ProcCpuInfo.FromText(EpycCpuInfo()), nvml ?? FakeNvml.Absent(), () => host ?? Host).Read(provider);
}
