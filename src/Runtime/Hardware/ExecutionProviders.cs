namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>The execution providers a measurement can use, as specs name them.</summary>
public static class ExecutionProviders
{
    public const string Auto = "auto";
    public const string Cpu = "cpu";
    public const string Cuda = "cuda";

    /// <summary>What <c>--provider</c> accepts.</summary>
    public static IReadOnlyList<string> Choices { get; } = new[] { Auto, Cpu, Cuda };

    /// <summary><c>auto</c> is <c>cuda</c> where NVML sees an NVIDIA GPU, <c>cpu</c> otherwise; the others stand.</summary>
    public static string Resolve(string requested, bool gpuPresent) =>
        string.Equals(requested, Auto, StringComparison.OrdinalIgnoreCase)
            ? (gpuPresent ? Cuda : Cpu)
            : string.Equals(requested, Cuda, StringComparison.OrdinalIgnoreCase) ? Cuda : Cpu;
}
