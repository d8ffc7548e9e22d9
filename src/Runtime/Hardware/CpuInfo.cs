namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>What the operating system says about the processor.</summary>
/// <param name="Model">The model name, e.g. <c>AMD EPYC 7763 64-Core Processor</c>; <c>unknown</c> when not found.</param>
/// <param name="PhysicalCores">Distinct physical cores, when the system says; null otherwise.</param>
public sealed record CpuInfo(string Model, int? PhysicalCores)
{
    public const string UnknownModel = "unknown";
}
