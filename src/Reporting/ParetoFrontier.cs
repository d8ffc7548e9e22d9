namespace EfficiencyMisnomer.Reporting;

/// <summary>A model as a point of a quality-against-cost plot.</summary>
public sealed record ModelPoint(string Model, double Cost, double Quality);

/// <summary>
/// The models no other model beats on both cost and quality: none is at least as good on the cost axis and at least as
/// good in quality with one of the two strictly better. Higher quality is better; a cost axis is lower-is-better
/// (parameters, MACs, latency) unless it is a rate (throughput, tokens per second), which is higher-is-better.
/// </summary>
public static class ParetoFrontier
{
    /// <summary>The non-dominated points of a lower-is-better cost axis, cheapest first (and so of increasing quality).</summary>
    public static IReadOnlyList<ModelPoint> Of(IEnumerable<ModelPoint> points) => Of(points, higherIsBetter: false);

    /// <summary>
    /// The non-dominated points, best on the cost axis first (and so of increasing quality); <paramref name="higherIsBetter"/>
    /// says which way the cost axis improves.
    /// </summary>
    public static IReadOnlyList<ModelPoint> Of(IEnumerable<ModelPoint> points, bool higherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(points);
        var frontier = new List<ModelPoint>();
        var best = double.NegativeInfinity;
        var ordered = higherIsBetter ? points.OrderByDescending(p => p.Cost) : points.OrderBy(p => p.Cost);
        foreach (var point in ordered.ThenByDescending(p => p.Quality))
        {
            if (point.Quality > best)
            {
                frontier.Add(point);
                best = point.Quality;
            }
        }

        return frontier;
    }
}
