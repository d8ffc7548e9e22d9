namespace EfficiencyMisnomer.Runtime.Comparison;

/// <summary>
/// When an interleaved comparison looks at its interval, and at which confidence. Sampling stops as soon as every
/// interval decides, so the comparison looks many times; each look, and each comparison of the run, is a chance to
/// be wrong. The error the user asked for (1 − confidence, 1% by default) is therefore split evenly (Bonferroni) over
/// every look of every comparison in the run: with every interval covering its ratio, no verdict can be wrong, and
/// the chance that any interval misses is at most the whole error. Looks come at geometrically growing round counts,
/// so their number stays small: <see cref="MaxInterimLooks"/> while sampling, and one more when the time cap ends it.
/// </summary>
public sealed class SequentialLooks
{
    /// <summary>Rounds before the first look: fewer cannot bound a ratio at the corrected confidence.</summary>
    public const int FirstLook = 20;

    /// <summary>Each look's round count over the previous one's.</summary>
    public const double Growth = 1.5;

    /// <summary>Looks while sampling; after the last one, only the time cap ends sampling, with one final look.</summary>
    public const int MaxInterimLooks = 12;

    private int looks;
    private int next = FirstLook;

    /// <param name="confidence">The confidence of the run's verdicts together (0.99).</param>
    /// <param name="comparisons">The measured comparisons in the run (models × profiles × batches compared against a revision).</param>
    public SequentialLooks(double confidence, int comparisons)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence must lie in (0, 1)");
        }

        Comparisons = Math.Max(1, comparisons);
        PerLook = 1 - ((1 - confidence) / (Comparisons * (MaxInterimLooks + 1)));
    }

    /// <summary>The comparisons the error is split over.</summary>
    public int Comparisons { get; }

    /// <summary>The confidence of each look's interval.</summary>
    public double PerLook { get; }

    /// <summary>Whether <paramref name="rounds"/> is a look; counts it when it is.</summary>
    public bool IsLook(int rounds)
    {
        if (looks >= MaxInterimLooks || rounds < next)
        {
            return false;
        }

        looks++;
        next = Math.Max(rounds + 1, (int)Math.Ceiling(next * Growth));
        return true;
    }
}
