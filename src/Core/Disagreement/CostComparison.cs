namespace EfficiencyMisnomer.Disagreement;

/// <summary>
/// Orders two models by one indicator, or calls it a tie. Noise must never make an order: static values tie
/// within a relative margin; measured values tie when their intervals overlap, and also within the margin
/// (a wider one for single observations).
/// </summary>
internal static class CostComparison
{
    /// <summary>-1 when <paramref name="a"/> is decisively cheaper, 1 when decisively costlier, 0 for a tie.</summary>
    public static int Compare(SeriesPoint a, SeriesPoint b, CostDirection direction, DisagreementOptions options)
    {
        var margin = a.SingleObservation || b.SingleObservation ? options.SingleObservationMargin : options.RelativeMargin;
        if (WithinMargin(a.Value, b.Value, margin) || (a.Measured && b.Measured && Overlap(a, b)))
        {
            return 0;
        }

        var lower = a.Value < b.Value ? -1 : 1;
        return direction == CostDirection.LowerIsCheaper ? lower : -lower;
    }

    /// <summary>Costlier over cheaper: at least 1; infinite when the cheaper value is zero.</summary>
    public static double Ratio(double a, double b)
    {
        var (small, large) = Math.Abs(a) <= Math.Abs(b) ? (Math.Abs(a), Math.Abs(b)) : (Math.Abs(b), Math.Abs(a));
        return small == 0 ? (large == 0 ? 1 : double.PositiveInfinity) : large / small;
    }

    private static bool WithinMargin(double a, double b, double margin)
    {
        var larger = Math.Max(Math.Abs(a), Math.Abs(b));
        return larger == 0 || Math.Abs(a - b) <= margin * larger;
    }

    private static bool Overlap(SeriesPoint a, SeriesPoint b)
    {
        if (a.SingleObservation || b.SingleObservation)
        {
            return false; // a zero-wide interval overlaps nothing; the wider margin stands in for its noise
        }

        var aLower = a.Lower ?? double.NegativeInfinity;
        var aUpper = a.Upper ?? double.PositiveInfinity;
        var bLower = b.Lower ?? double.NegativeInfinity;
        var bUpper = b.Upper ?? double.PositiveInfinity;
        return aLower <= bUpper && bLower <= aUpper;
    }
}
