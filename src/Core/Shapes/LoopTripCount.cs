using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes;

/// <summary>How sure a Loop's iteration count is: run exactly, at most that often, or not known before run time.</summary>
internal enum LoopBound
{
    /// <summary>The loop runs exactly <see cref="LoopTrips.Count"/> times.</summary>
    Exact,

    /// <summary>The loop runs at most <see cref="LoopTrips.Count"/> times: a condition computed at run time may end it earlier.</summary>
    AtMost,

    /// <summary>No bound is known before run time.</summary>
    Unknown,
}

/// <summary>A Loop's iteration count as far as it is known before run time; <see cref="Count"/> is null when <see cref="Bound"/> is unknown.</summary>
internal readonly record struct LoopTrips(long? Count, LoopBound Bound)
{
    public static LoopTrips Unknown { get; } = new(null, LoopBound.Unknown);
}

/// <summary>
/// How many times a Loop runs its body, when that is known before run time. M, the maximum trip count, bounds the
/// loop; without M, or with M = 2^63 − 1 (exporters' "no limit" for while loops), there is no bound. The condition
/// input, when the node has one, can end the loop: a constant false one runs no iteration; a body whose condition
/// output is a constant false runs at most one; a body that passes its condition through unchanged (or outputs a
/// constant true) keeps the initial condition; any other condition computed at run time makes M an upper bound. Without
/// a condition input the body's condition output is ignored, as the ONNX specification says (a for loop).
/// </summary>
internal static class LoopTripCount
{
    private const int ConditionInput = 1;

    public static LoopTrips Of(Node loop, OnnxGraph body, TensorValue? maxTrips, TensorValue? initialCondition, TensorValue? bodyCondition)
    {
        long? limit = maxTrips is { Length: > 0 } m && m.IntegerAt(0) != long.MaxValue ? Math.Max(0, m.IntegerAt(0)) : null;
        if (!loop.HasInput(ConditionInput))
        {
            return limit is { } l ? new LoopTrips(l, LoopBound.Exact) : LoopTrips.Unknown;
        }

        bool? initial = initialCondition is { Length: > 0 } c ? c.IntegerAt(0) != 0 : null;
        if (initial == false)
        {
            return new LoopTrips(0, LoopBound.Exact);
        }

        var exact = initial == true ? LoopBound.Exact : LoopBound.AtMost;
        if (bodyCondition is { Length: > 0 } b && b.IntegerAt(0) == 0)
        {
            return new LoopTrips(Math.Min(limit ?? 1, 1), exact);
        }

        if ((bodyCondition is { Length: > 0 } || PassesConditionThrough(body)) && limit is { } bounded)
        {
            return new LoopTrips(bounded, exact);
        }

        return limit is { } upper ? new LoopTrips(upper, LoopBound.AtMost) : LoopTrips.Unknown;
    }

    /// <summary>Whether the body's condition output is its condition input, directly or through an Identity node.</summary>
    private static bool PassesConditionThrough(OnnxGraph body)
    {
        if (body.Inputs.Count <= ConditionInput || body.Outputs.Count == 0)
        {
            return false;
        }

        var input = body.Inputs[ConditionInput].Name;
        var output = body.Outputs[0].Name;
        return output == input
            || (body.Producers.TryGetValue(output, out var producer) && producer.OpType == "Identity" && producer.IsDefaultDomain
                && producer.Inputs.Count == 1 && producer.Inputs[0] == input);
    }
}
