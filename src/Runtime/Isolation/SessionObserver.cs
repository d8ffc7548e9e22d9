using System.Diagnostics;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Runtime.Hardware;
using EfficiencyMisnomer.Runtime.Inputs;
using EfficiencyMisnomer.Runtime.Sessions;

namespace EfficiencyMisnomer.Runtime.Isolation;

/// <summary>
/// Observes one fresh session in the current process: inputs generated first (so the runtime's environment is up),
/// then the session created and run once, timed (cold start), then run a few more times while the resident
/// high-water mark and device memory are watched. A child process does this for <see cref="IsolatedObserver"/>.
/// </summary>
public static class SessionObserver
{
    /// <summary>Observes <paramref name="request"/> here; bad input becomes a failed observation, never an exception.</summary>
    /// <param name="request">What to observe.</param>
    /// <param name="isolated">Whether this process was started for this observation alone.</param>
    /// <param name="gpuMemory">The device memory reader of CUDA requests; null: NVML.</param>
    public static SessionObservation Observe(SessionObservationRequest request, bool isolated, IGpuMemoryReader? gpuMemory = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var model = OnnxModel.Load(request.ModelPath);
            var bound = BoundInputs.Resolve(model, request.Bindings, request.Batch, request.Inputs);
            MemoryGuard.Check(model, bound);
            using var inputs = GeneratedInputs.Create(bound, request.Inputs);
            var provider = new ProviderSelection(request.Provider, "requested");
            using var meters = ProviderMeters.For(request.Provider);
            var device = request.Provider == ProviderSelection.Cuda ? gpuMemory ?? meters.GpuMemory : null;

            var memory = new ResidentMemory();
            memory.Begin();
            var deviceBefore = device?.UsedBytes();
            var started = Stopwatch.GetTimestamp();
            using var session = SessionFactory.Create(request.ModelPath, provider, request.Settings);
            using var runner = new BoundSession(session, inputs, bound.Outputs) { ModelPath = request.ModelPath };
            using var watchdog = request.RunDeadlineSeconds is { } seconds ? new Watchdog(new[] { runner }, TimeSpan.FromSeconds(seconds)) : null;
            runner.Run();
            var coldMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            for (var i = 0; i < request.ExtraRuns; i++)
            {
                runner.Run();
            }

            var peak = memory.End();
            var deviceGrowth = deviceBefore is null ? Observation.Unavailable("CPU provider: no device memory")
                : Observation.DeviceGrowth(deviceBefore, device!.UsedBytes());
            return new SessionObservation(coldMs, peak.Value, peak.Note, deviceGrowth.Value, deviceGrowth.Note, isolated);
        }
        catch (EfficiencyException e)
        {
            return SessionObservation.Failed(e.Code, e.Message, isolated);
        }
    }

    /// <summary>The caveat of a value observed in the measuring process rather than a fresh one.</summary>
    public const string InProcess = "observed in the measuring process, so it depends on what ran there before";
}
