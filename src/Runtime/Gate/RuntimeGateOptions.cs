using EfficiencyMisnomer.Runtime.Hardware;
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

    /// <summary>The energy meter of every case; null: RAPL on CPU, NVML on CUDA.</summary>
    public IEnergyMeter? Energy { get; init; }

    /// <summary>The device memory reader of CUDA cases; null: NVML.</summary>
    public IGpuMemoryReader? GpuMemory { get; init; }

    /// <summary>Whether measurements are compared with the spec's baseline; off while a baseline is being recorded.</summary>
    public bool CompareBaselines { get; init; } = true;

    /// <summary>Whether a comparison still inconclusive after a second measurement fails (<c>--strict</c>) instead of warning; a spec can ask with <c>regression.strict</c>.</summary>
    public bool StrictRegression { get; init; }

    /// <summary>This machine's fingerprint per provider, which a baseline entry must have been recorded on; null: <see cref="FingerprintProfileMatcher.ThisMachine"/>.</summary>
    public Func<string, HardwareFingerprint>? Machine { get; init; }

    /// <summary>
    /// The base revision (or checkout folder) to measure each changed model against, over every spec's
    /// <c>regression.against</c>; <c>none</c> turns a spec's off; null keeps each spec's.
    /// </summary>
    public string? Against { get; init; }

    /// <summary>
    /// The share of all CPUs' time other processes may use, while either side of a comparison with a stored baseline
    /// was measured, before a regressed or improved verdict becomes inconclusive (<see cref="Regression.RuntimeRegression.QuietMachineLimit"/>).
    /// </summary>
    public double BusyLimit { get; init; } = Regression.RuntimeRegression.QuietMachineLimit;

    /// <summary>Seeds the random order of base and head in interleaved measurements; null: a new order each run.</summary>
    public int? OrderSeed { get; init; }

    /// <summary>Runs the project of each benchmark entry that names one before the static gate reads its results; null reads them as they are.</summary>
    public Benchmarks.BenchmarkProjectRunner? BenchmarkProjects { get; init; }

    /// <summary>Receives progress lines while measuring.</summary>
    public Action<string>? Progress { get; init; }
}
