namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>An energy meter over a cumulative counter: samples at start and stop, and the difference between them.</summary>
public abstract class EnergyMeter<TSample> : IEnergyMeter
{
    private Reading<TSample>? start;

    public abstract string Source { get; }

    public void Start() => start = Sample();

    public Reading<double> Stop()
    {
        var first = start ?? throw new InvalidOperationException("Stop() called before Start().");
        start = null;
        if (!first.IsAvailable)
        {
            return Reading.Unavailable<double>(first.UnavailableReason!);
        }

        var last = Sample();
        return last.IsAvailable ? Reading.Of(JoulesBetween(first.Value!, last.Value!)) : Reading.Unavailable<double>(last.UnavailableReason!);
    }

    protected abstract Reading<TSample> Sample();

    protected abstract double JoulesBetween(TSample first, TSample last);
}
