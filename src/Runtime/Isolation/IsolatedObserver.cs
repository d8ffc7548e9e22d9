using System.Diagnostics;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Runtime.Hardware;

namespace EfficiencyMisnomer.Runtime.Isolation;

/// <summary>
/// Observes a session in a fresh child process, so that what it reports (cold start, peak resident memory, device
/// memory) belongs to the model alone: in a process that already ran other models, freed memory is reused and shared
/// code is already loaded, and the same model read 68 MiB first and 0 B after another. Where no child process can be
/// started (<see cref="ObservationHost.Current"/> is null) it observes in this process and says so in the notes.
/// </summary>
public sealed class IsolatedObserver
{
    private const int StderrKept = 400;
    private readonly ObservationHost? host;
    private readonly TimeSpan deadline;
    private readonly IGpuMemoryReader? gpuMemory;

    /// <param name="host">How the child is started; null observes in this process.</param>
    /// <param name="deadline">How long one child may take before it is killed and the observation reported unavailable.</param>
    /// <param name="gpuMemory">The device memory reader of observations made in this process; null: NVML.</param>
    public IsolatedObserver(ObservationHost? host, TimeSpan deadline, IGpuMemoryReader? gpuMemory = null)
    {
        this.host = host;
        this.deadline = deadline;
        this.gpuMemory = gpuMemory;
    }

    /// <summary>An observer over <see cref="ObservationHost.Current"/>.</summary>
    public static IsolatedObserver Current(TimeSpan deadline, IGpuMemoryReader? gpuMemory = null) => new(ObservationHost.Current, deadline, gpuMemory);

    /// <summary>Observes <paramref name="request"/>: in a child process when one can be started, else here.</summary>
    public SessionObservation Observe(SessionObservationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (host is null)
        {
            return SessionObserver.Observe(request, isolated: false, gpuMemory);
        }

        using var child = new Process { StartInfo = host.StartInfo() };
        try
        {
            child.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            // The host is configured but cannot start here: observe in process rather than lose the values.
            return SessionObserver.Observe(request, isolated: false, gpuMemory);
        }

        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        try
        {
            child.StandardInput.Write(ObservationProgram.Serialize(request));
            child.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child died before reading its request; its exit and stderr say why below.
        }

        if (!child.WaitForExit(deadline))
        {
            Kill(child);
            return SessionObservation.Failed(ErrorCodes.SessionFailed, UserText.Format("the isolated observation of '{0}' did not finish within {1:0.#} s and was stopped", UserText.Quote(request.ModelPath), deadline.TotalSeconds), isolated: true);
        }

        child.WaitForExit();
        var line = stdout.Result.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith('{'));
        if (line is not null && ObservationProgram.Deserialize<SessionObservation>(line) is { } result)
        {
            return result;
        }

        return SessionObservation.Failed(ErrorCodes.SessionFailed, UserText.Format("the isolated observation of '{0}' ended with exit code {1} and no result: {2}", UserText.Quote(request.ModelPath), child.ExitCode,
            UserText.Quote(stderr.Result.Trim(), StderrKept)), isolated: true);
    }

    private static void Kill(Process child)
    {
        try
        {
            child.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
