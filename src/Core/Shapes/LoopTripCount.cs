namespace EfficiencyMisnomer.Shapes;

/// <summary>
/// How many times a Loop runs its body, when that is known before run time. The count is the maximum
/// trip count M, cut to 0 by an initial condition that is constant false and to at most 1 by a body whose
/// condition output is constant false. A condition computed at run time may end the loop earlier, so with
/// one the count is an upper bound. Without M, or with M = 2^63 − 1 (exporters' "no limit" for while
/// loops), the count is unknown unless a constant condition fixes it.
/// </summary>
internal static class LoopTripCount
{
    public static long? Of(TensorValue? maxTrips, TensorValue? initialCondition, TensorValue? bodyCondition)
    {
        if (IsFalse(initialCondition))
        {
            return 0;
        }

        long? limit = maxTrips is { Length: > 0 } m && m.IntegerAt(0) != long.MaxValue ? Math.Max(0, m.IntegerAt(0)) : null;
        if (IsFalse(bodyCondition))
        {
            return limit is { } l ? Math.Min(l, 1) : 1;
        }

        return limit;
    }

    private static bool IsFalse(TensorValue? condition) => condition is { Length: > 0 } c && c.IntegerAt(0) == 0;
}
