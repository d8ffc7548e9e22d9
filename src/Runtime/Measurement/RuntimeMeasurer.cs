using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Runtime.Hardware;
using EfficiencyMisnomer.Runtime.Inputs;
using EfficiencyMisnomer.Runtime.Isolation;
using EfficiencyMisnomer.Runtime.Sessions;
using Pragmastat;

namespace EfficiencyMisnomer.Runtime.Measurement;

/// <summary>
/// Measures one <see cref="MeasurementCase"/>: inputs generated once, the session created and timed with its
/// first inference (cold start), then warm-up and sampling, then every runtime indicator with its interval.
/// </summary>
public sealed class RuntimeMeasurer
{
    private const double SecondsPerHour = 3600;
    private const double JoulesPerKilowattHour = 3.6e6;
    private const string CounterDidNotAdvance = "{0}: the energy counter did not advance during the {1:0} ms timed loop (it counts in steps); raise the time cap so the loop runs longer";
    private readonly MeasurementOptions options;
    private readonly IEnergyMeter? energy;
    private readonly IGpuMemoryReader? gpuMemory;
    private readonly Action<string>? progress;
    private readonly IsolatedObserver? observer;

    /// <param name="options">The measurement method's knobs.</param>
    /// <param name="energy">The energy meter of every case; null picks the provider's (<see cref="ProviderMeters.For"/>).</param>
    /// <param name="gpuMemory">The device memory reader of every CUDA case; null picks NVML.</param>
    /// <param name="progress">Receives progress lines.</param>
    /// <param name="observer">Observes fresh sessions for cold start and memory; null: a child process through <see cref="ObservationHost.Current"/>.</param>
    public RuntimeMeasurer(MeasurementOptions? options = null, IEnergyMeter? energy = null, IGpuMemoryReader? gpuMemory = null, Action<string>? progress = null,
        IsolatedObserver? observer = null)
    {
        this.observer = observer;
        this.options = options ?? MeasurementOptions.Default;
        this.energy = energy;
        this.gpuMemory = gpuMemory;
        this.progress = progress;
    }

    /// <summary>The measurement method's knobs this measurer uses.</summary>
    public MeasurementOptions Options => options;

    /// <summary>The same measurer, meters and progress included, with other knobs (a longer time cap when re-measuring).</summary>
    public RuntimeMeasurer With(MeasurementOptions other) => new(other, energy, gpuMemory, progress, observer);

    public RuntimeReport Measure(MeasurementCase measured)
    {
        ArgumentNullException.ThrowIfNull(measured);
        var bound = BoundInputs.Resolve(measured.Model, measured.Bindings, measured.Batch, measured.Inputs);
        var batch = bound.Batch;
        MemoryGuard.Check(measured.Model, bound);
        using var inputs = GeneratedInputs.Create(bound, measured.Inputs);
        using var meters = ProviderMeters.For(measured.Provider.Provider); // NVML loads on first read, so unused meters cost nothing
        var energyMeter = energy ?? meters.Energy;

        // Cold start and memory belong to the model alone only in a fresh process: observed there first, before this
        // process creates its own session for timing.
        var fresh = Observe(measured);
        if (fresh.ErrorCode is Diagnostics.ErrorCodes.InferenceStopped or Diagnostics.ErrorCodes.OutOfMemory)
        {
            // A model that never finished or did not fit in a fresh process will not here either: say so now.
            throw new Diagnostics.EfficiencyException(fresh.ErrorCode, fresh.ErrorMessage ?? fresh.ErrorCode, new Diagnostics.SourceLocation(measured.Model.Path));
        }

        using var session = SessionFactory.Create(measured.Model.Path, measured.Provider, measured.Settings);
        using var bound1 = new BoundSession(session, inputs, bound.Outputs) { ModelPath = measured.Model.Path };
        using var watchdog = new Watchdog(new[] { bound1 }, Watchdog.Deadline(options.TimeCap));
        bound1.Run();

        var rule = new StoppingRule(measured.Watched, options);
        MachineLoad? load = null;
        var reference = new ReferenceWorkload();
        var samples = new LatencySampler(options, progress).Sample(bound1.Run, rule, () =>
        {
            energyMeter.Start();
            load = MachineLoad.Start();
        }, reference.ObserveNowAndThen);
        var joules = energyMeter.Stop();
        var others = load?.Stop();
        while (reference.Count < MinimumReferenceObservations)
        {
            // A case decided in a few samples still compares the machine's speed on enough observations.
            reference.Observe();
        }

        var generation = measured.Generation is { } plan
            ? GenerationMeasurer.Measure(measured, plan, session, bound, inputs, options)
            : Array.Empty<MeasuredIndicator>();

        var perInference = PerInference(joules, samples.Milliseconds.Length * (long)batch, energyMeter.Source, samples.Elapsed);
        var report = Report(measured, batch, samples, rule, fresh, perInference, bound.Warnings.Concat(bound1.Warnings));
        return report with
        {
            Indicators = generation.Count == 0 ? report.Indicators : InCatalogueOrder(report.Indicators.Concat(generation)),
            OtherCpuShare = others is { IsAvailable: true } share ? share.Value : null,
            Reference = reference.Speed,
        };
    }

    /// <summary><paramref name="indicators"/> in the order of <see cref="RuntimeIndicators.All"/>.</summary>
    public static List<MeasuredIndicator> InCatalogueOrder(IEnumerable<MeasuredIndicator> indicators)
    {
        var order = RuntimeIndicators.All.Select((indicator, i) => (indicator.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        return indicators.OrderBy(i => order[i.Name]).ToList();
    }

    /// <summary>The fewest observations of the reference workloads behind a measurement's <see cref="RuntimeReport.Reference"/>.</summary>
    private const int MinimumReferenceObservations = 9;

    /// <summary>
    /// The report of a case from what was measured: every latency statistic with its interval from the samples,
    /// throughput and cost through the mean, the fresh-session indicators, energy per inference and its CO2.
    /// </summary>
    public RuntimeReport Report(MeasurementCase measured, int batch, LatencySamples samples, StoppingRule rule, SessionObservation fresh,
        Observation energyPerInference, IEnumerable<Diagnostics.Diagnostic> warnings)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(fresh);
        ArgumentNullException.ThrowIfNull(energyPerInference);
        var sample = new Sample(samples.Milliseconds);
        var indicators = new List<MeasuredIndicator>();
        Estimate? mean = null;
        foreach (var statistic in LatencyStatistic.All)
        {
            var estimate = LatencyStatistics.Of(statistic, sample, options.Confidence);
            mean = statistic == LatencyStatistic.Mean ? estimate : mean;
            indicators.Add(From(statistic.Indicator, estimate, rule.Met(statistic, sample)));
        }

        var meanStable = rule.Met(LatencyStatistic.Mean, sample);
        var throughput = Throughput(mean!, batch);
        indicators.Add(From(RuntimeIndicators.Throughput, throughput, meanStable));
        indicators.AddRange(FreshSessionIndicators(fresh));
        indicators.Add(FromReading(RuntimeIndicators.Energy, energyPerInference));
        indicators.Add(Cost(throughput, measured.PricePerHour, meanStable));
        indicators.Add(Co2(energyPerInference, measured.GridIntensity));

        var notes = warnings.ToList();
        if (!samples.TargetMet)
        {
            notes.Add(Diagnostics.Diagnostic.Warning(Diagnostics.ErrorCodes.MeasurementUnstable, FormattableString.Invariant(
                $"model '{Diagnostics.UserText.Quote(measured.ModelName)}' [{Diagnostics.UserText.Quote(measured.ProfileName)}]: the ±{options.RelativeHalfWidth:P0} target at {options.Confidence:P0} confidence was not met within the {options.TimeCap.TotalSeconds:0.#} s time cap ({samples.Milliseconds.Length} samples)")));
        }

        return new RuntimeReport(measured.ModelName, measured.Model.Path, measured.ProfileName, batch, measured.Provider, measured.Settings,
            InCatalogueOrder(indicators), samples.WarmupRuns, samples.Elapsed, notes)
        {
            LatencySamples = RuntimeReport.Keep(samples.Milliseconds),
            Confidence = options.Confidence,
            TargetRelativeHalfWidth = options.RelativeHalfWidth,
        };
    }

    /// <summary>
    /// The case's model observed in <see cref="MeasurementCase.FreshSessions"/> fresh sessions (child processes where one
    /// can be started), reduced to the median of each value.
    /// </summary>
    public SessionObservation Observe(MeasurementCase measured)
    {
        ArgumentNullException.ThrowIfNull(measured);
        var request = SessionObservationRequest.For(measured.Model.Path, measured.Provider, measured.Settings, measured.Bindings, measured.Batch, measured.Inputs)
            with { RunDeadlineSeconds = Watchdog.Deadline(options.TimeCap).TotalSeconds };
        return FreshSessionSeries.Median(FreshSessionSeries.Observe(Observer, request, Math.Max(1, measured.FreshSessions)));
    }

    /// <summary>The observer of fresh sessions: the one given, else a child process through <see cref="ObservationHost.Current"/>.</summary>
    public IsolatedObserver Observer => observer ?? IsolatedObserver.Current(options.TimeCap + ObservationGrace, gpuMemory);

    /// <summary>Time a fresh-session observation may take beyond the case's time cap: process start and session creation.</summary>
    private static readonly TimeSpan ObservationGrace = TimeSpan.FromSeconds(60);

    /// <summary><c>cold_start</c>, <c>peak_memory</c> and <c>gpu_memory</c> from one fresh-session observation.</summary>
    internal static IEnumerable<MeasuredIndicator> FreshSessionIndicators(SessionObservation fresh)
    {
        if (fresh.ErrorCode is not null)
        {
            var reason = $"unavailable: the fresh-session observation failed: {fresh.ErrorCode}: {fresh.ErrorMessage}";
            return new[] { RuntimeIndicators.ColdStart, RuntimeIndicators.PeakMemory, RuntimeIndicators.GpuMemory }
                .Select(i => MeasuredIndicator.Unavailable(i, reason));
        }

        var where = fresh.Isolated
            ? fresh.Count == 1 ? "one observation in a fresh process" : $"median of {fresh.Count} observations in fresh processes"
            : (fresh.Count == 1 ? "one observation; " : $"median of {fresh.Count} observations; ") + SessionObserver.InProcess;
        return new[]
        {
            fresh.ColdStartMs is { } cold ? new MeasuredIndicator(RuntimeIndicators.ColdStart, cold, cold, cold, 1, true, where)
                : MeasuredIndicator.Unavailable(RuntimeIndicators.ColdStart, "unavailable"),
            FromReading(RuntimeIndicators.PeakMemory, new Observation(fresh.PeakMemoryBytes, fresh.PeakMemoryBytes is null ? fresh.PeakMemoryNote : Join(where, fresh.PeakMemoryNote))),
            FromReading(RuntimeIndicators.GpuMemory, new Observation(fresh.GpuMemoryBytes, fresh.GpuMemoryBytes is null ? fresh.GpuMemoryNote : Join(where, fresh.GpuMemoryNote))),
        };
    }

    private static string Join(string first, string? second) => string.IsNullOrEmpty(second) ? first : $"{first}; {second}";

    /// <summary>Samples per second: batch over the mean latency; the interval follows from the mean's.</summary>
    private static Estimate Throughput(Estimate mean, int batch) => mean.PerSecond(batch);

    private static MeasuredIndicator Cost(Estimate throughput, double? pricePerHour, bool stable)
    {
        if (pricePerHour is not { } price)
        {
            return MeasuredIndicator.Unavailable(RuntimeIndicators.Cost, "unavailable: the profile declares no price_per_hour");
        }

        // Money per million samples: the machine's price per second over samples per second.
        double PerMillion(double rate) => price / SecondsPerHour / rate * 1e6;
        return new MeasuredIndicator(RuntimeIndicators.Cost, PerMillion(throughput.Value), PerMillion(throughput.Upper), PerMillion(throughput.Lower), throughput.Samples, stable);
    }

    /// <summary>
    /// Joules per inference: the energy of the timed loop over its inferences, each run of a batch counting as
    /// batch inferences, as throughput and cost count them.
    /// </summary>
    internal static Observation PerInference(Reading<double> joules, long inferences, string source, TimeSpan loop)
    {
        if (!joules.IsAvailable)
        {
            return Observation.From(joules);
        }

        // Counters advance in steps (NVML about every 20-100 ms on a busy GPU): a loop shorter than a step reads
        // zero, which is a resolution limit, not zero energy. Never report it as a value a budget would pass.
        return inferences > 0 && joules.Value > 0
            ? Observation.Of(joules.Value / inferences, source)
            : Observation.Unavailable(UserText.Format(CounterDidNotAdvance, source, loop.TotalMilliseconds));
    }

    /// <summary>Grams per million inferences: joules per inference in kWh times the grid's grams per kWh, times 10⁶.</summary>
    internal static MeasuredIndicator Co2(Observation energyPerInference, double? gridIntensity)
    {
        if (energyPerInference.Value is not { } joules)
        {
            return MeasuredIndicator.Unavailable(RuntimeIndicators.Co2, "unavailable: needs energy, which is " + energyPerInference.Note);
        }

        if (gridIntensity is not { } grams)
        {
            return MeasuredIndicator.Unavailable(RuntimeIndicators.Co2, "unavailable: the profile declares no grid_intensity");
        }

        var value = joules / JoulesPerKilowattHour * grams * 1e6;
        return new MeasuredIndicator(RuntimeIndicators.Co2, value, value, value, 1, true, energyPerInference.Note);
    }

    private static MeasuredIndicator From(Indicator indicator, Estimate estimate, bool stable) =>
        new(indicator, estimate.Value, estimate.Lower, estimate.Upper, estimate.Samples, stable);

    private static MeasuredIndicator FromReading(Indicator indicator, Observation reading) => reading.Value is { } value
        ? new MeasuredIndicator(indicator, value, value, value, 1, true, reading.Note)
        : MeasuredIndicator.Unavailable(indicator, reading.Note ?? "unavailable");
}
