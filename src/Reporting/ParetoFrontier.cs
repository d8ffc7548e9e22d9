namespace EfficiencyMisnomer.Reporting;

/// <summary>A model as a point of a quality-against-cost plot.</summary>
public sealed record ModelPoint(string Model, double Cost, double Quality);

/// <summary>
/// The models no other model beats on both cost and quality: none is at most as costly and at least as good
/// with one of the two strictly better. Lower cost and higher quality are better.
/// </summary>
public static class ParetoFrontier
{
    /// <summary>The non-dominated points, cheapest first (and so of increasing quality).</summary>
    public static IReadOnlyList<ModelPoint> Of(IEnumerable<ModelPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var frontier = new List<ModelPoint>();
        var best = double.NegativeInfinity;
        foreach (var point in points.OrderBy(p => p.Cost).ThenByDescending(p => p.Quality))
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
