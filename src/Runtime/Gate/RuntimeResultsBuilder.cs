using System.Globalization;
using EfficiencyMisnomer.Gates;
using EfficiencyMisnomer.Results;
using EfficiencyMisnomer.Runtime.Hardware;
using EfficiencyMisnomer.Runtime.Measurement;

namespace EfficiencyMisnomer.Runtime.Gate;

/// <summary>Adds what the runtime gate measured on this machine to a results document.</summary>
public static class RuntimeResultsBuilder
{
    /// <summary>
    /// <paramref name="specs"/> (static results, possibly without indicators) with <paramref name="cases"/> added to the
    /// models they measured, matched by spec path and model name.
    /// </summary>
    public static EfficiencyResults From(IReadOnlyList<SpecResults> specs, IReadOnlyList<RuntimeCase> cases, HardwareFingerprint machine, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(machine);
        var id = machine.Id;
        var withRuntime = specs.Select(spec => spec with
        {
            Models = spec.Models.Select(model =>
            {
                var measured = cases.Where(c => c.SpecPath == spec.Path && c.ModelName == model.Name).ToList();
                return measured.Count == 0 ? model : model with
                {
                    Runtime = model.Runtime.Concat(measured.Select(c => Runtime(c.Report, id))).ToList(),
                    Base = model.Base is { } counterpart && measured.Any(c => c.Paired is not null)
                        ? counterpart with { Runtime = counterpart.Runtime.Concat(measured.Where(c => c.Paired is not null).Select(c => Paired(c.Paired!, id))).ToList() }
                        : model.Base,
                    Verdicts = model.Verdicts
                        .Concat(measured.SelectMany(c => c.Verdicts.Select(v => ResultsBuilder.Verdict(v, c.Report.Profile, c.Report.Batch))))
                        .Concat(measured.SelectMany(c => c.Regressions.Select(ResultsBuilder.Verdict)))
                        .ToList(),
                };
            }).ToList(),
        }).ToList();
        return new EfficiencyResults(created, new[] { Machine(machine) }, withRuntime) { Commit = Revisions.RepositoryCommit.Of(specs.Select(s => s.Path)) };
    }

    /// <summary>The setting that carries the share of all CPUs' time other processes used while the samples were taken.</summary>
    public const string OtherCpuShareSetting = EfficiencyMisnomer.Baselines.BaselineMeasurement.OtherCpuShareSetting;

    /// <summary>One measurement: its settings, every runtime indicator with its interval, the latency samples kept.</summary>
    public static RuntimeResults Runtime(RuntimeReport report, string machineId)
    {
        ArgumentNullException.ThrowIfNull(report);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["provider_reason"] = report.Provider.Reason,
            ["intra_op_threads"] = Text(report.Settings.IntraOpThreads),
            ["inter_op_threads"] = Text(report.Settings.InterOpThreads),
            ["execution_mode"] = report.Settings.ExecutionName,
            ["graph_optimization"] = report.Settings.OptimizationName,
            ["warmup_runs"] = Text(report.WarmupRuns),
            ["elapsed_s"] = report.Elapsed.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
            ["confidence"] = report.Confidence.ToString(CultureInfo.InvariantCulture),
            ["target_relative_half_width"] = report.TargetRelativeHalfWidth.ToString(CultureInfo.InvariantCulture),
        };
        if (report.OtherCpuShare is { } others)
        {
            settings[OtherCpuShareSetting] = others.ToString("0.####", CultureInfo.InvariantCulture);
        }

        if (report.Reference is { } reference)
        {
            settings[EfficiencyMisnomer.Baselines.BaselineMeasurement.ReferenceComputeSetting] = reference.ComputeMs.ToString("0.#####", CultureInfo.InvariantCulture);
            settings[EfficiencyMisnomer.Baselines.BaselineMeasurement.ReferenceMemorySetting] = reference.MemoryMs.ToString("0.#####", CultureInfo.InvariantCulture);
        }

        var indicators = report.Indicators
            .Select(i => new IndicatorResult(i.Name, i.Indicator.Unit, i.Value, i.Lower, i.Upper, i.Samples, i.Stable, i.Note))
            .ToList();
        return new RuntimeResults(machineId, report.Profile, report.Batch, report.Provider.Provider, settings, indicators,
            report.LatencySamples, report.Warnings.Select(w => w.ToString()).ToList());
    }

    /// <summary>The base's side of an interleaved measurement, with how it was paired (rounds, block, ratio) in its settings.</summary>
    private static RuntimeResults Paired(Comparison.PairedReport paired, string machineId)
    {
        var runtime = Runtime(paired.Base, machineId);
        var settings = new Dictionary<string, string>(runtime.Settings, StringComparer.Ordinal)
        {
            ["interleaved_rounds"] = Text(paired.Rounds),
            ["inferences_per_block"] = Text(paired.Block),
            ["head_over_base"] = paired.Ratio.Ratio.ToString("0.######", CultureInfo.InvariantCulture),
            ["decided"] = paired.Decided ? "true" : "false",
        };
        return runtime with { Settings = settings };
    }

    /// <summary>The machine as results documents describe it: its fingerprint id, summary and every field by name.</summary>
    public static MachineResults Machine(HardwareFingerprint machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["provider"] = machine.Provider,
            ["cpu"] = machine.Cpu.Model,
            ["physical_cores"] = machine.PhysicalCoresText,
            ["logical_cores"] = Text(machine.Host.LogicalCores),
            ["memory"] = HardwareFingerprint.Gibibytes(machine.Host.TotalMemoryBytes),
            ["os"] = machine.Host.OsFamily,
            ["os_description"] = machine.Host.OsDescription,
            ["arch"] = machine.Host.Architecture,
            ["host"] = machine.Host.HostName,
            ["dotnet"] = machine.Host.DotNetVersion,
            ["onnxruntime"] = machine.OnnxRuntimeVersion,
            ["gpu"] = machine.GpuDescription,
        };
        if (machine.Gpu is { } gpu)
        {
            facts["gpu_driver"] = gpu.DriverVersion;
            facts["gpu_memory"] = HardwareFingerprint.Gibibytes(gpu.TotalMemoryBytes);
        }

        return new MachineResults(machine.Id, machine.Summary, facts);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
