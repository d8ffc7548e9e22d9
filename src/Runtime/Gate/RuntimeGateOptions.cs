using EfficiencyMisnomer.Runtime.Inputs;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Sessions;

namespace EfficiencyMisnomer.Runtime.Gate;

/// <summary>Options of a runtime gate run.</summary>
public sealed record RuntimeGateOptions
{
    public ProviderRequest Provider { get; init; } = ProviderRequest.Auto;

    /// <summary>The profile to measure; null measures every profile that matches the provider.</summary>
    public string? Profile { get; init; }

    /// <summary>Intra-op threads over the profile's <c>threads</c>.</summary>
    public int? Threads { get; init; }

    public MeasurementOptions Measurement { get; init; } = MeasurementOptions.Default;

    public InputOptions Inputs { get; init; } = InputOptions.Default;

    public ICudaProbe? Probe { get; init; }

    public IProfileMatcher Matcher { get; init; } = FingerprintProfileMatcher.ThisMachine;

    public IEnergyReader? Energy { get; init; }

    public IGpuMemoryReader? GpuMemory { get; init; }

    /// <summary>Receives progress lines while measuring.</summary>
    public Action<string>? Progress { get; init; }
}
