using Microsoft.ML.OnnxRuntime;

namespace EfficiencyMisnomer.Runtime.Sessions;

/// <summary>
/// Stops the inferences of a case at its deadline, even one already running: a timer sets ONNX Runtime's terminate
/// flag on each session's run options, and the running inference returns at its next check (between operators and
/// loop iterations) with an error that <see cref="BoundSession.Run"/> turns into <c>EM3010</c>. The sampler already
/// stops between inferences at the time cap; this bounds a single inference that would never return (a loop of 2^62
/// iterations, an enormous product), so that no case outlives its cap by more than the grace.
/// </summary>
public sealed class Watchdog : IDisposable
{
    private readonly Timer timer;
    private readonly Action stop;
    private volatile bool fired;

    /// <param name="sessions">The sessions whose inferences it stops.</param>
    /// <param name="after">When, from now.</param>
    public Watchdog(IReadOnlyList<BoundSession> sessions, TimeSpan after)
        : this(Stopping(sessions), after)
    {
    }

    /// <summary>A watchdog over inferences run with <paramref name="runOptions"/> (sessions run without a binding).</summary>
    public Watchdog(RunOptions runOptions, TimeSpan after)
        : this(Stopping(runOptions), after)
    {
    }

    private Watchdog(Action stop, TimeSpan after)
    {
        this.stop = stop;
        timer = new Timer(_ => Fire(), null, NotNegative(after), Timeout.InfiniteTimeSpan);
    }

    /// <summary>Whether it has stopped the inferences.</summary>
    public bool Fired => fired;

    /// <summary>Sets the deadline again, <paramref name="after"/> from now (a new unit of work begins); no use once fired.</summary>
    public void Restart(TimeSpan after) => timer.Change(NotNegative(after), Timeout.InfiniteTimeSpan);

    /// <summary>The deadline of a case whose time cap is <paramref name="cap"/>: the cap, and a grace for the inference in flight.</summary>
    public static TimeSpan Deadline(TimeSpan cap) => cap + TimeSpan.FromTicks(Math.Max(Grace.Ticks, cap.Ticks / 2));

    /// <summary>The least an inference in flight at the time cap is given to finish.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    public void Dispose() => timer.Dispose();

    private void Fire()
    {
        fired = true;
        stop();
    }

    private static TimeSpan NotNegative(TimeSpan after) => after < TimeSpan.Zero ? TimeSpan.Zero : after;

    private static Action Stopping(IReadOnlyList<BoundSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        return () =>
        {
            foreach (var session in sessions)
            {
                session.Terminate();
            }
        };
    }

    private static Action Stopping(RunOptions runOptions)
    {
        ArgumentNullException.ThrowIfNull(runOptions);
        return () => runOptions.Terminate = true;
    }
}
