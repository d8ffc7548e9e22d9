namespace EfficiencyMisnomer.Hardware;

/// <summary>
/// A machine as a hardware profile's <c>match</c> sees it: the machine a model is measured on, or the host that ran a
/// set of BenchmarkDotNet results. A property the source does not know is empty.
/// </summary>
/// <param name="Provider">The execution provider measured with: <c>cpu</c> or <c>cuda</c> (BenchmarkDotNet hosts are <c>cpu</c>).</param>
/// <param name="Cpu">The processor's model name.</param>
/// <param name="Gpu">The first NVIDIA GPU's name; null without one.</param>
/// <param name="GpuDescription">The GPU as a failed <c>gpu</c> pattern reports it, with why there is none.</param>
/// <param name="OsFamily"><c>linux</c>, <c>windows</c>, <c>macos</c>, <c>freebsd</c>; empty when unknown.</param>
/// <param name="OsDescription">The operating system in words.</param>
/// <param name="Architecture">The process architecture as .NET names it (<c>x64</c>, <c>arm64</c>).</param>
/// <param name="HostName">The machine's name; empty when unknown.</param>
/// <param name="Description">The machine and its identity in one phrase, for "skipped" messages (<c>this machine's fingerprint 6bc7…: …</c>).</param>
/// <param name="Advice">What to do when a profile does not match it.</param>
public sealed record MachineProperties(
    string Provider,
    string Cpu,
    string? Gpu,
    string GpuDescription,
    string OsFamily,
    string OsDescription,
    string Architecture,
    string HostName,
    string Description,
    string Advice);
