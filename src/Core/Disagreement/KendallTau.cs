namespace EfficiencyMisnomer.Disagreement;

/// <summary>
/// Kendall's tau-b from pairwise orders rather than values: each pair of models is -1, 0 (tie) or 1 in each
/// ranking, because ties here come from intervals and margins, which are not transitive, and no library
/// computes tau from such a comparison. tau-b = (concordant − discordant) / √((pairs − ties₁)(pairs − ties₂)).
/// </summary>
internal static class KendallTau
{
    /// <summary>tau-b of two rankings given as the orders of the same pairs; NaN when either ties every pair.</summary>
    public static double TauB(IReadOnlyList<int> first, IReadOnlyList<int> second)
    {
        if (first.Count != second.Count)
        {
            throw new ArgumentException("both rankings must order the same pairs", nameof(second));
        }

        long sum = 0, orderedFirst = 0, orderedSecond = 0;
        for (int i = 0; i < first.Count; i++)
        {
            sum += Math.Sign(first[i]) * Math.Sign(second[i]);
            orderedFirst += first[i] != 0 ? 1 : 0;
            orderedSecond += second[i] != 0 ? 1 : 0;
        }

        var denominator = Math.Sqrt((double)orderedFirst * orderedSecond);
        return denominator == 0 ? double.NaN : sum / denominator;
    }
}
