using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EfficiencyMisnomer.Hardware;

namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>
/// The machine a runtime measurement ran on, as far as it changes the numbers; the identity a hardware
/// profile is matched against and a baseline is stored under.
/// </summary>
/// <param name="Provider">The execution provider measured with: <c>cpu</c> or <c>cuda</c>.</param>
/// <param name="Cpu">The processor.</param>
/// <param name="Host">Operating system, architecture, host name, cores, memory, .NET.</param>
/// <param name="OnnxRuntimeVersion">The ONNX Runtime build.</param>
/// <param name="Gpu">The first NVIDIA GPU; null when there is none or NVML cannot say.</param>
/// <param name="GpuUnavailableReason">Why <paramref name="Gpu"/> is null.</param>
public sealed record HardwareFingerprint(
    string Provider,
    CpuInfo Cpu,
    HostFacts Host,
    string OnnxRuntimeVersion,
    GpuInfo? Gpu,
    string? GpuUnavailableReason)
{
    private const double BytesPerGiB = 1024.0 * 1024 * 1024;
    private const string Advice = "To measure here, widen the pattern or add a profile (`misnomer hardware` prints one)";

    /// <summary>
    /// Twelve hex digits of a SHA-256 over what makes two machines measure alike: provider, CPU model,
    /// cores, memory (whole GiB), OS family, architecture, GPU name and memory. The host name (CI runners
    /// get a fresh one per job), kernel, driver, .NET and ONNX Runtime versions are left out: they are
    /// reported beside every measurement, but a baseline should survive an update of them.
    /// </summary>
    public string Id
    {
        get
        {
            var identity = string.Join('\n',
                Provider,
                Cpu.Model,
                Host.LogicalCores.ToString(CultureInfo.InvariantCulture),
                (Cpu.PhysicalCores ?? 0).ToString(CultureInfo.InvariantCulture),
                WholeGiB(Host.TotalMemoryBytes),
                Host.OsFamily,
                Host.Architecture,
                Gpu?.Name ?? "",
                Gpu is null ? "" : WholeGiB(Gpu.TotalMemoryBytes));
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
            return string.Concat(hash.Take(6).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>The GPU as a profile's <c>gpu</c> pattern sees it, or a short "none" with the reason.</summary>
    public string GpuDescription => Gpu?.Name ?? $"none ({GpuUnavailableReason ?? "no NVIDIA GPU"})";

    /// <summary>One line naming every identity field, for "skipped" messages and logs.</summary>
    public string Summary =>
        string.Create(CultureInfo.InvariantCulture,
            $"fingerprint {Id}: provider {Provider}, cpu \"{Cpu.Model}\" ({Host.LogicalCores} logical, {PhysicalCoresText} physical cores), " +
            $"memory {Gibibytes(Host.TotalMemoryBytes)}, os {Host.OsFamily} \"{Host.OsDescription}\", arch {Host.Architecture}, " +
            $"host {Host.HostName}, gpu {(Gpu is null ? "none" : $"\"{Gpu.Name}\"")}");

    /// <summary>This machine as a hardware profile's <c>match</c> sees it.</summary>
    public MachineProperties Properties =>
        new(Provider, Cpu.Model, Gpu?.Name, GpuDescription, Host.OsFamily, Host.OsDescription, Host.Architecture, Host.HostName,
            "this machine's " + Summary, Advice);

    public string PhysicalCoresText => Cpu.PhysicalCores?.ToString(CultureInfo.InvariantCulture) ?? "unknown";

    public static string Gibibytes(long bytes) =>
        (bytes / BytesPerGiB).ToString("0.#", CultureInfo.InvariantCulture) + " GiB";

    private static string WholeGiB(long bytes) =>
        Math.Round(bytes / BytesPerGiB).ToString(CultureInfo.InvariantCulture);
}
