namespace EfficiencyMisnomer.Runtime.Isolation;

/// <summary>
/// Several fresh-session observations of one model reduced to one: the median of each value. One observation of a
/// fresh process varies by a few percent (allocator and thread start-up); the median of three is what a budget or a
/// comparison is given when it names <c>peak_memory</c>, <c>cold_start</c> or <c>gpu_memory</c>.
/// </summary>
public static class FreshSessionSeries
{
    /// <summary>Observations taken when a budget or a comparison reads a fresh-session indicator.</summary>
    public const int Compared = 3;

    /// <summary>Observations taken when those indicators are only shown.</summary>
    public const int Shown = 1;

    /// <summary><paramref name="count"/> observations of <paramref name="request"/>, stopping at the first failure.</summary>
    public static IReadOnlyList<SessionObservation> Observe(IsolatedObserver observer, SessionObservationRequest request, int count)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var observations = new List<SessionObservation>();
        for (var i = 0; i < count; i++)
        {
            var observation = observer.Observe(request);
            observations.Add(observation);
            if (observation.ErrorCode is not null)
            {
                break;
            }
        }

        return observations;
    }

    /// <summary>The median of each value over <paramref name="observations"/>; the first failure when any failed.</summary>
    public static SessionObservation Median(IReadOnlyList<SessionObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (observations.Count == 0)
        {
            throw new ArgumentException("at least one observation is needed", nameof(observations));
        }

        if (observations.FirstOrDefault(o => o.ErrorCode is not null) is { } failed)
        {
            return failed;
        }

        var first = observations[0];
        if (observations.Count == 1)
        {
            return first;
        }

        return new SessionObservation(
            Median(observations.Select(o => o.ColdStartMs)),
            Median(observations.Select(o => o.PeakMemoryBytes)),
            first.PeakMemoryNote,
            Median(observations.Select(o => o.GpuMemoryBytes)),
            first.GpuMemoryNote,
            observations.All(o => o.Isolated))
        {
            Count = observations.Count,
        };
    }

    /// <summary>The median of the available values; null when none is.</summary>
    public static double? Median(IEnumerable<double?> values)
    {
        var available = values.OfType<double>().Order().ToArray();
        return available.Length == 0 ? null
            : available.Length % 2 == 1 ? available[available.Length / 2]
            : (available[(available.Length / 2) - 1] + available[available.Length / 2]) / 2;
    }
}
